package dev.concertina.portability.hostile.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A double quote and a backtick inside names, and a foreign key between two hostile tables. */
@Entity
@Table(name = "`a\"quote`")
public class Quote {
    @Id
    @Column(name = "\"back`tick\"")
    Long id;

    @Column(name = "`say \"hi\"`", length = 20)
    String said;

    @ManyToOne
    @JoinColumn(name = "\"lead`s id\"", foreignKey = @ForeignKey(name = "\"fk \"\"quoted\"\"\""))
    Lead lead;
}
