package dev.concertina.scenarios.portable.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Every type whose column differs per database: enumerations, large objects, timestamps. */
@Entity
@Table(name = "gadget")
public class Gadget {
    public enum Colour { RED, GREEN, BLUE }

    @Id Long id;
    @Enumerated(EnumType.STRING) Colour colour;
    @Enumerated(EnumType.STRING) @Column(length = 20, nullable = false) Colour shade;
    @Lob String notes;
    @Lob byte[] picture;
    byte[] checksum;
    @Column(name = "offset_at") OffsetDateTime offsetAt;
    @Column(name = "instant_at") Instant instantAt;
    @Column(name = "zoned_at") ZonedDateTime zonedAt;
    @Column(name = "local_at") LocalDateTime localAt;
}
