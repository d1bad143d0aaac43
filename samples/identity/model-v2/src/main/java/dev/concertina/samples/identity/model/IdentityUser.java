package dev.concertina.samples.identity.model;

import dev.concertina.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A user of a domain. The table is {@code identity_user} because {@code user} is reserved on H2
 * and PostgreSQL.
 */
@Entity
@Table(
        name = "identity_user",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_identity_user_domain_name",
                        columnNames = {"domain_id", "name"}))
public class IdentityUser {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id", nullable = false, foreignKey = @ForeignKey(name = "fk_identity_user_domain"))
    private Domain domain;

    /** The login name, unique in the domain. */
    @Column(name = "name", length = 255, nullable = false)
    private String name;

    /** Called {@code full_name} in v1; renamed to match the API's {@code display_name}. */
    @RenamedFrom("full_name")
    @Column(name = "display_name", length = 255)
    private String displayName;

    /** Contact address (v2), optional. */
    @Column(name = "email", length = 255)
    private String email;

    /** {@code Y} or {@code N}: the first release stored flags as one character. */
    @Column(name = "enabled", length = 1, nullable = false)
    private String enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_project_id", foreignKey = @ForeignKey(name = "fk_identity_user_default_project"))
    private Project defaultProject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private LockoutState lockout;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ManyToMany(mappedBy = "members")
    private Set<UserGroup> groups = new HashSet<>();

    protected IdentityUser() {}

    public IdentityUser(String id, Domain domain, String name, Instant createdAt) {
        this.id = id;
        this.domain = domain;
        this.name = name;
        this.createdAt = createdAt;
        this.enabled = "Y";
    }

    public String getId() {
        return id;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isEnabled() {
        return "Y".equals(enabled);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled ? "Y" : "N";
    }

    public Project getDefaultProject() {
        return defaultProject;
    }

    public void setDefaultProject(Project defaultProject) {
        this.defaultProject = defaultProject;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public LockoutState getLockout() {
        return lockout;
    }

    public void setLockout(LockoutState lockout) {
        this.lockout = lockout;
    }

    public long getVersion() {
        return version;
    }

    public Set<UserGroup> getGroups() {
        return groups;
    }
}
