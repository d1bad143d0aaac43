package dev.concertina.entities.broken.badmappedby;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Player {
    @Id
    Long id;

    @ManyToOne
    Team team;
}
