package dev.concertina.portability.enums.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A PostgreSQL named enum type (v1). */
@Entity
public class Moody {
    @Id
    Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Mood mood;

    public enum Mood { CALM, ANGRY }
}
