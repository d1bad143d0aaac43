package dev.concertina.cli.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The one entity of the class-data-sharing training run ({@link dev.concertina.cli.Training}): it
 * makes {@code diff} go through Hibernate's bootstrap and the live reader, so their classes land in
 * the archive. Not a model users see.
 */
@Entity
@Table(name = "training_item", indexes = @Index(name = "ix_training_item_name", columnList = "name"))
public class TrainingEntity {
    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "amount", precision = 12, scale = 2)
    private java.math.BigDecimal amount;
}
