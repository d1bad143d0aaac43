package dev.concertina.portability.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "PASSWORD_CREDENTIAL")
public class PasswordCredential extends Credential {
    @Column(name = "HASH_ITERATIONS")
    int hashIterations;
}
