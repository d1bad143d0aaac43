package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A secret a user creates for an application to authenticate as that user on one project (v2).
 * The database numbers rows itself ({@code internal_id}); the API shows the random {@code id}.
 */
@Entity
@Table(
        name = "application_credential",
        uniqueConstraints = {
            @UniqueConstraint(name = "uq_application_credential_id", columnNames = "id"),
            @UniqueConstraint(
                    name = "uq_application_credential_user_name",
                    columnNames = {"user_id", "name"})
        })
public class ApplicationCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "internal_id")
    private Long internalId;

    @Column(name = "id", length = 64, nullable = false)
    private String id;

    @Column(name = "name", length = 255, nullable = false)
    private String name;

    @Column(name = "secret_hash", length = 255, nullable = false)
    private String secretHash;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_application_credential_user"))
    private IdentityUser user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", foreignKey = @ForeignKey(name = "fk_application_credential_project"))
    private Project project;

    @Column(name = "description", length = 255)
    private String description;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** May create further application credentials and trusts (dangerous, off by default). */
    @Column(name = "unrestricted", nullable = false)
    private boolean unrestricted;

    protected ApplicationCredential() {}

    public ApplicationCredential(String id, String name, String secretHash, IdentityUser user, Project project) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.user = user;
        this.project = project;
    }

    public Long getInternalId() {
        return internalId;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public IdentityUser getUser() {
        return user;
    }

    public Project getProject() {
        return project;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public boolean isUnrestricted() {
        return unrestricted;
    }

    public void setUnrestricted(boolean unrestricted) {
        this.unrestricted = unrestricted;
    }
}
