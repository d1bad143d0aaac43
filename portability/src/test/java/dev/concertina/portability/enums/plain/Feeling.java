package dev.concertina.portability.enums.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A plain string enum, mapped over a column the database gave a PostgreSQL enum type. */
@Entity(name = "feeling")
public class Feeling {
    @Id
    Long id;

    @Enumerated(EnumType.STRING)
    Mood f;

    /** Declared in neither alphabetical nor the type's order. */
    public enum Mood { sad, ok, happy }
}
