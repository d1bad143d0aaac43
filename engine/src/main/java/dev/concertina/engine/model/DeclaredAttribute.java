package dev.concertina.engine.model;

/**
 * A mapping attribute the entity writes explicitly, as opposed to leaving it at JPA's default
 * ({@code @Column(nullable = false)} writes {@link #NULLABLE}; a bare {@code @Column} writes
 * none). The differ uses it to tell what the entities assert from what they are silent about
 * (docs/planner.md, "What the entities are silent about").
 */
public enum DeclaredAttribute {
    /** {@code nullable} of {@code @Column}/{@code @JoinColumn}, or {@code optional} of {@code @Basic}, {@code @ManyToOne}, {@code @OneToOne}. */
    NULLABLE,
    /** {@code length} of {@code @Column}. */
    LENGTH,
    /** {@code precision} of {@code @Column}. */
    PRECISION,
    /** {@code scale} of {@code @Column}. */
    SCALE,
    /** {@code unique} of {@code @Column}/{@code @JoinColumn}. */
    UNIQUE,
    /** {@code columnDefinition}: the entity writes the whole column type (and maybe its default). */
    COLUMN_DEFINITION
}
