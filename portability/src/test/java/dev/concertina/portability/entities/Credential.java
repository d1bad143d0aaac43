package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A TABLE_PER_CLASS root: its unique keys are copied onto every concrete table. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"OWNER", "LABEL"}))
public abstract class Credential {
    @Id
    @Column(name = "ID", length = 36)
    String id;

    @Column(name = "OWNER", length = 36)
    String owner;

    @Column(name = "LABEL", length = 100, unique = true)
    String label;
}
