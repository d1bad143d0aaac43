package dev.concertina.runtime;

import java.time.Duration;

/** One revision a command ran, in the order it ran. */
public record AppliedRevision(String revision, Branch branch, Direction direction, String message, Duration duration) {

    /** {@code upgrade expand 3f2a9c (add person.display_name)}. */
    @Override
    public String toString() {
        return direction.label() + " " + branch.label() + " " + revision
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
