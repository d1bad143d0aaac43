package dev.concertina.portability.renamed.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table with an identity key, renamed from acct_a to acct_b in version 2. */
@Entity
@Table(name = "acct_b")
public class Acct {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;
}
