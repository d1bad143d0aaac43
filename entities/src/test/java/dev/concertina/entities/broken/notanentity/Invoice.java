package dev.concertina.entities.broken.notanentity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** {@code customer} is an association to a class that is not an entity. */
@Entity
public class Invoice {
    @Id
    Long id;

    @ManyToOne
    Customer customer;

    public static class Customer {
        Long id;
    }
}
