package dev.concertina.samples.identity.model;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link Assignment}: all five columns, as in Keystone. */
public class AssignmentId implements Serializable {

    private static final long serialVersionUID = 1L;

    private AssignmentType type;
    private String actorId;
    private String targetId;
    private String roleId;
    private boolean inherited;

    public AssignmentId() {}

    public AssignmentId(AssignmentType type, String actorId, String targetId, String roleId, boolean inherited) {
        this.type = type;
        this.actorId = actorId;
        this.targetId = targetId;
        this.roleId = roleId;
        this.inherited = inherited;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof AssignmentId)) return false;
        AssignmentId that = (AssignmentId) o;
        return inherited == that.inherited
                && type == that.type
                && Objects.equals(actorId, that.actorId)
                && Objects.equals(targetId, that.targetId)
                && Objects.equals(roleId, that.roleId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, actorId, targetId, roleId, inherited);
    }
}
