package dev.concertina.entities.broken.noid;

import jakarta.persistence.Entity;

/** An entity without an identifier. */
@Entity
public class Note {
    Long id;
    String text;
}
