package dev.concertina.samples.identity.model;

/** Who gets a role where: the actor (user or group) and the target (project or domain). */
public enum AssignmentType {
    USER_PROJECT,
    GROUP_PROJECT,
    USER_DOMAIN,
    GROUP_DOMAIN
}
