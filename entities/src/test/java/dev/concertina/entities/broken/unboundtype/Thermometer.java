package dev.concertina.entities.broken.unboundtype;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** {@code reading} has a type Hibernate cannot map to a column. */
@Entity
public class Thermometer {
    @Id
    Long id;

    String label;

    Reading reading;

    public static class Reading {
        double celsius;
    }
}
