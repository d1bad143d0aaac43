package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An ordinal enum column in upper case (its range check names it), named and unnamed uniques. */
@Entity
@Table(name = "REQUIRED_ACTION_PROVIDER", uniqueConstraints = @UniqueConstraint(name = "UK_REQ_ACTION_ALIAS_REALM",
        columnNames = {"ALIAS", "REALM_ID"}))
public class RequiredAction {
    @Id
    @Column(name = "ID", length = 36)
    String id;

    @Column(name = "ALIAS")
    String alias;

    @Column(name = "REALM_ID")
    String realmId;

    @Column(name = "PROVIDER_ID", unique = true)
    String providerId;

    @Enumerated(EnumType.ORDINAL)
    @Column(name = "REQUIREMENT")
    Requirement requirement;

    @Column(name = "ENABLED", nullable = false)
    boolean enabled;

    @Column(name = "PRIORITY")
    Integer priority;
}
