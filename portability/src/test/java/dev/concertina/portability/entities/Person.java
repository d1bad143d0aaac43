package dev.concertina.portability.entities;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Default (camelCase) naming and most basic types, element collections and a join table. */
@Entity
public class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String firstName;

    String lastName;

    LocalDate birthDate;
    LocalTime wakesUpAt;
    LocalDateTime createdAt;
    Instant updatedAt;
    OffsetDateTime lastLogin;
    ZonedDateTime nextCall;

    @Column(precision = 12, scale = 2)
    BigDecimal balance;

    UUID externalId;
    boolean active;
    short level;
    byte flags;
    int visits;
    double rating;

    @Enumerated(EnumType.STRING)
    Status status;

    @Enumerated(EnumType.ORDINAL)
    Status previousStatus;

    @Lob
    byte[] photo;

    @Column(length = 64)
    byte[] fingerprint;

    @Version
    int version;

    @ManyToOne
    Team mainTeam;

    @ManyToMany
    Set<Team> teams;

    @ElementCollection
    Set<String> nicknames;

    @ElementCollection
    @CollectionTable(name = "PERSON_ADDRESSES")
    List<Address> addresses;
}
