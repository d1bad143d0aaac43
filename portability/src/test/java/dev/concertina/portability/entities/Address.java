package dev.concertina.portability.entities;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    String street;
    String city;
    String postCode;
}
