package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "OTP_CREDENTIAL")
public class OtpCredential extends Credential {
    @Column(name = "DIGITS")
    int digits;
}
