package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A reserved word as table name (quoted), a self reference and a named index. */
@Entity
@Table(name = "\"Group\"", indexes = @Index(name = "ix_group_label", columnList = "label"))
public class Team {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    @Column(nullable = false, unique = true, length = 80)
    String label;

    @Column(name = "\"Order\"")
    Integer order;

    @ManyToOne
    Team parent;
}
