package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A role granted to a user or group on a project or domain. Actor and target are polymorphic (a
 * user or a group; a project or a domain), so only the role has a foreign key.
 */
@Entity
@Table(name = "assignment")
@IdClass(AssignmentId.class)
public class Assignment {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 16, nullable = false)
    private AssignmentType type;

    @Id
    @Column(name = "actor_id", length = 64, nullable = false)
    private String actorId;

    @Id
    @Column(name = "target_id", length = 64, nullable = false)
    private String targetId;

    @Id
    @Column(name = "role_id", length = 64, nullable = false)
    private String roleId;

    /** Granted on a project or domain and inherited by the projects below it. */
    @Id
    @Column(name = "inherited", nullable = false)
    private boolean inherited;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(
            name = "role_id",
            insertable = false,
            updatable = false,
            foreignKey = @ForeignKey(name = "fk_assignment_role"))
    private Role role;

    protected Assignment() {}

    public Assignment(AssignmentType type, String actorId, String targetId, String roleId, boolean inherited) {
        this.type = type;
        this.actorId = actorId;
        this.targetId = targetId;
        this.roleId = roleId;
        this.inherited = inherited;
    }

    public AssignmentType getType() {
        return type;
    }

    public String getActorId() {
        return actorId;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getRoleId() {
        return roleId;
    }

    public boolean isInherited() {
        return inherited;
    }

    public Role getRole() {
        return role;
    }
}
