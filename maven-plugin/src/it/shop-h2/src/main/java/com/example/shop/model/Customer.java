package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {

    @Id
    private Long id;

    @Column(name = "name", length = 100)
    private String name;

    /** New in this release: no migration creates it yet. */
    @Column(name = "email", length = 200)
    private String email;
}
