package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Index key order from {@code columnList} (a descending key, a descending index) and a JSON document. */
@Entity
@Table(
        name = "audit_entry",
        indexes = {
            @Index(name = "ix_audit_newest", columnList = "actor, created_at DESC"),
            @Index(name = "ix_audit_seq", columnList = "seq desc")
        })
public class AuditEntry {
    @Id
    Long id;

    String actor;

    @Column(name = "created_at")
    LocalDateTime createdAt;

    long seq;

    /** jsonb on PostgreSQL, json on H2 and MariaDB (Hibernate's mapping of SqlTypes.JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    String payload;
}
