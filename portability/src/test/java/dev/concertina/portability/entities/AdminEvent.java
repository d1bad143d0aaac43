package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Upper-case names as many applications write them, an ordinal enum, a LOB and raw bytes. */
@Entity
@Table(name = "ADMIN_EVENT_ENTITY", indexes = @Index(name = "IDX_ADMIN_EVENT_TIME", columnList = "REALM_ID, ADMIN_EVENT_TIME"))
public class AdminEvent {
    @Id
    @Column(name = "ID", length = 36)
    String id;

    @Column(name = "ADMIN_EVENT_TIME")
    long time;

    @Column(name = "REALM_ID")
    String realmId;

    @Enumerated(EnumType.ORDINAL)
    @Column(name = "OPERATION_TYPE")
    OperationType operationType;

    @Lob
    @Column(name = "REPRESENTATION")
    String representation;

    @Column(name = "CHECKSUM")
    byte[] checksum;

    @Column(name = "ERROR", length = 2000)
    String error;
}
