/**
 * Entity models to the neutral schema model, through Hibernate ORM's boot metamodel, offline.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link dev.concertina.entities.EntitySource}: a classpath (directories and jars) plus packages
 *       to scan, or a persistence unit from a {@code META-INF/persistence.xml} on it; optional
 *       Hibernate settings such as {@code hibernate.physical_naming_strategy}.</li>
 *   <li>{@link dev.concertina.entities.TargetDatabase}: dialect and optional server version.</li>
 *   <li>{@link dev.concertina.entities.EntitySchemaReader#read}: the {@code Schema} those entities
 *       describe on that database.</li>
 *   <li>{@link dev.concertina.entities.EntityDdl#createScript}: Hibernate's own create script.</li>
 * </ul>
 *
 * <h2>Entity-side rules (what Hibernate's DDL does with the metamodel)</h2>
 * Types, defaults and checks go through the engine's per-dialect {@code Normalizer}, exactly as the
 * live reader's do. On top of that, the reader mirrors Hibernate's schema exporter
 * ({@code internal.MetamodelReader}): names folded unless quoted; primary keys unnamed (Hibernate
 * writes {@code primary key (…)}); {@code @Column(unique = true)} an unnamed inline unique on H2 and
 * PostgreSQL but a {@code UK…}-named constraint on MariaDB/MySQL; unique keys named only when
 * explicit on H2/PostgreSQL; a unique key repeating the primary key dropped; primary-key columns
 * NOT NULL; identity columns without default; a {@code columnDefinition}'s {@code default} and
 * {@code not null} honoured; views, {@code @Subselect} and abstract TABLE_PER_CLASS roots skipped;
 * {@code NO_CONSTRAINT} foreign keys skipped. Every element carries its {@code Origin}.
 */
package dev.concertina.entities;
