/**
 * The neutral schema model: what both readers (live database, entity models) produce and what the
 * differ compares. Immutable records, no back-pointers, no nulls, deterministic order.
 *
 * <h2>Canonical forms (both readers must produce exactly these)</h2>
 * <ul>
 *   <li><b>Names</b> are as the database stores them: folded by {@code Dialect.foldUnquoted} for
 *       names Hibernate writes unquoted (upper case on H2, lower case on PostgreSQL, as written on
 *       MariaDB). Quoted names keep their case; the entity reader lists them in
 *       {@link Schema#quotedNames()}, so migrations write them exactly on every database.</li>
 *   <li><b>Order</b>: tables and sequences sorted by name; columns in table (ordinal) order on the
 *       live side and as Hibernate orders them on the entity side — the differ matches columns by
 *       name, never by position; uniques, indexes, foreign keys and checks sorted by their column
 *       lists then name ({@link Schema#sorted}).</li>
 *   <li><b>Constraint names</b> are the database's name when the database has one the user chose;
 *       an empty string when the name is system-generated or invented by Hibernate and never
 *       reaches the database ({@code CONSTRAINT_44} on H2, {@code authorsPK}). Matching falls back
 *       to the column list.</li>
 *   <li><b>Types</b>: {@link ColumnType} — a neutral {@link TypeKind} plus length / precision /
 *       scale where they mean something for that kind, and the raw dialect name for messages.</li>
 *   <li><b>Defaults</b>: the SQL expression text with dialect casts and redundant parentheses
 *       removed ({@code 'x'::character varying} → {@code 'x'}); empty when none.</li>
 *   <li><b>Checks</b>: the expression normalised by the engine's check normaliser, so PostgreSQL's
 *       rewritten {@code = ANY (ARRAY[…])} and Hibernate's {@code in (…)} compare equal.</li>
 * </ul>
 */
package dev.concertina.engine.model;
