package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Failed-login bookkeeping of a user, kept in the user's row. */
@Embeddable
public class LockoutState {

    @Column(name = "failed_auth_count")
    private Integer failedAuthCount;

    @Column(name = "failed_auth_at")
    private Instant failedAuthAt;

    protected LockoutState() {}

    public LockoutState(Integer failedAuthCount, Instant failedAuthAt) {
        this.failedAuthCount = failedAuthCount;
        this.failedAuthAt = failedAuthAt;
    }

    public Integer getFailedAuthCount() {
        return failedAuthCount;
    }

    public Instant getFailedAuthAt() {
        return failedAuthAt;
    }
}
