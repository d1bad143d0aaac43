package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One login attempt. {@code user_id} has no foreign key on purpose: audit rows outlive the users
 * they mention. Ids come from a sequence, allocated 50 at a time (a busy, insert-only table).
 */
@Entity
@Table(name = "login_audit", indexes = @Index(name = "ix_login_audit_user_time", columnList = "user_id, occurred_at"))
public class LoginAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_audit_ids")
    @SequenceGenerator(name = "login_audit_ids", sequenceName = "login_audit_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", length = 64, nullable = false)
    private String userId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 16, nullable = false)
    private LoginOutcome outcome;

    /** IPv4 or IPv6 text form. */
    @Column(name = "remote_address", length = 45)
    private String remoteAddress;

    protected LoginAudit() {}

    public LoginAudit(String userId, Instant occurredAt, LoginOutcome outcome, String remoteAddress) {
        this.userId = userId;
        this.occurredAt = occurredAt;
        this.outcome = outcome;
        this.remoteAddress = remoteAddress;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public LoginOutcome getOutcome() {
        return outcome;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }
}
