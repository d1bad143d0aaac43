package dev.concertina.entities.broken.otherschema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Mapped to an explicit schema: outside the one schema Concertina reads. */
@Entity
@Table(name = "ledger", schema = "accounting")
public class Ledger {
    @Id
    Long id;
}
