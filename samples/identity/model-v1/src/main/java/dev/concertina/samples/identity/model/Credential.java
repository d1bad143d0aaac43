package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A secret a user authenticates with besides the password (TOTP seed, EC2 key pair, …), encrypted. */
@Entity
@Table(name = "credential")
public class Credential {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_credential_user"))
    private IdentityUser user;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", foreignKey = @ForeignKey(name = "fk_credential_project"))
    private Project project;

    @Column(name = "type", length = 255, nullable = false)
    private String type;

    /**
     * The length matters on MariaDB: without one, Hibernate sizes a {@code @Lob String} at 255 and
     * picks {@code tinytext}; 65535 gives {@code text}. H2 uses {@code clob}, PostgreSQL {@code oid}.
     */
    @Lob
    @Column(name = "encrypted_blob", length = 65535, nullable = false)
    private String encryptedBlob;

    /** Which key encrypted the blob, so keys can be rotated. */
    @Column(name = "key_hash", length = 64, nullable = false)
    private String keyHash;

    protected Credential() {}

    public Credential(String id, IdentityUser user, String type, String encryptedBlob, String keyHash) {
        this.id = id;
        this.user = user;
        this.type = type;
        this.encryptedBlob = encryptedBlob;
        this.keyHash = keyHash;
    }

    public String getId() {
        return id;
    }

    public IdentityUser getUser() {
        return user;
    }

    public Project getProject() {
        return project;
    }

    public void setProject(Project project) {
        this.project = project;
    }

    public String getType() {
        return type;
    }

    public String getEncryptedBlob() {
        return encryptedBlob;
    }

    public String getKeyHash() {
        return keyHash;
    }
}
