package dev.concertina.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Nullability;
import org.jooq.impl.DSL;

/**
 * The one naming policy of generated migrations, applied when they run.
 *
 * <p>A generated class runs on H2, PostgreSQL and MariaDB alike, but each database stores names
 * written without quotes in its own case (H2 upper, PostgreSQL lower, MariaDB as written). So
 * codegen writes two kinds of names:
 * <ul>
 *   <li><b>folding names</b> ({@link #name}): names that were unquoted where they came from. They
 *       are written in lower case and folded here for the running database, as that database would
 *       fold them ({@link Dialect#foldUnquoted}): {@code "person"} becomes {@code "PERSON"} on H2,
 *       {@code "person"} on PostgreSQL and MariaDB;</li>
 *   <li><b>exact names</b> ({@link #exact}): names someone quoted on purpose ({@code "Group"},
 *       mixed case, or a quoted lower-case {@code "group"} that Hibernate keeps lower case on H2
 *       too). They are used exactly as written, everywhere.</li>
 * </ul>
 * Either way the result is a quoted jOOQ {@link Name}: reserved words ({@code order},
 * {@code user}) need no special care, and no name is ever pasted into SQL text.
 *
 * <p>The runtime helpers that take names as strings ({@code SyncTriggers}, {@code WriteGuard},
 * {@code Backfill}) want them in the database's own case: pass {@link #fold} of a folding name,
 * or an exact name as it is.
 *
 * <p>Besides names, two column statements whose shape depends on the database live here, because
 * a generated class must issue the same intent everywhere: MariaDB/MySQL's {@code CHANGE COLUMN}
 * restates the whole column (type, nullability and default together, or it silently drops the
 * ones left out), PostgreSQL changes one aspect per statement (jOOQ renders a combined type and
 * NOT NULL change as a {@code DO} block), and H2's {@code ALTER COLUMN c type} drops the default.
 * Dropping a foreign key is here too: MariaDB keeps the index it made for the key.
 */
public final class SchemaNames {

    private final Dialect dialect;
    private final DSLContext dsl;
    /** The running migration, whose steps the column statements are; null outside one. */
    private final MigrationContext ctx;

    private SchemaNames(Dialect dialect, DSLContext dsl, MigrationContext ctx) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.ctx = ctx;
    }

    /** The names (and column statements) for a running migration. */
    public static SchemaNames of(MigrationContext ctx) {
        return new SchemaNames(ctx.dialect(), ctx.dsl(), ctx);
    }

    /** The names for {@code dialect}; column statements run on {@code dsl}. */
    public static SchemaNames of(Dialect dialect, DSLContext dsl) {
        return new SchemaNames(dialect, dsl, null);
    }

    /**
     * A column statement that reads the catalog before it writes is one step of the migration
     * ({@link MigrationContext#step}): a rerun after a crash must not read a catalog it already changed.
     */
    private void step(String description, Runnable work) {
        if (ctx == null) {
            work.run();
        } else {
            ctx.step(description, work);
        }
    }

    private static String describe(DataType<?> type) {
        return type.getCastTypeName() + (type.nullable() ? " null" : " not null") + (type.defaulted() ? " default" : "");
    }

    /** The dialect names are folded for. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * A folding name, as {@code dialect} stores it: {@code fold(H2, "person")} is {@code "PERSON"}.
     * Codegen writes folding names in lower case.
     */
    public static String fold(Dialect dialect, String logical) {
        return dialect.foldUnquoted(Objects.requireNonNull(logical, "logical"));
    }

    /**
     * True when {@code name}, as read from a database of {@code source}, could be a folding name:
     * writing it in lower case without quotes on that database gives back exactly {@code name}.
     * Mixed-case names and names in the "wrong" case for {@code source} are exact names; so are
     * names the entities quote, which only codegen knows ({@code NamePolicy}).
     */
    public static boolean isFolding(Dialect source, String name) {
        return !name.isEmpty() && source.foldUnquoted(name.toLowerCase(Locale.ROOT)).equals(name);
    }

    /**
     * A name Concertina makes itself and writes into a generated class (an index the model holds
     * without a name), fitted to every supported database: itself when it is at most 63 UTF-8
     * bytes (PostgreSQL's limit, never more than MariaDB's 64 characters or H2's 256), otherwise
     * its longest prefix that fits with {@code _} and 8 hex digits of the SHA-256 of the whole
     * name, so that two long names stay apart and the same name always comes out the same.
     */
    public static String fitEverywhere(String name) {
        int max = Dialect.POSTGRES.maxIdentifierLength();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return name;
        }
        String suffix;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            suffix = "_" + HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        int budget = max - suffix.length();
        StringBuilder head = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            head.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return head + suffix;
    }

    /** {@link #fold(Dialect, String)} for the running database. */
    public String fold(String logical) {
        return fold(dialect, logical);
    }

    /** A folding name, folded for the running database and quoted. */
    public Name name(String logical) {
        return DSL.quotedName(fold(logical));
    }

    /** An exact name: quoted, exactly as written, on every database. */
    public Name exact(String name) {
        return DSL.quotedName(Objects.requireNonNull(name, "name"));
    }

    /**
     * Changes the type of {@code column} of {@code table} to {@code column}'s full definition
     * {@code type} (with its nullability and default, as the column must end up): MariaDB/MySQL
     * restate all of it in one {@code CHANGE COLUMN}; PostgreSQL and H2 change the type alone and
     * keep the nullability, and H2, which drops the default with the type change, has it set again.
     */
    public void changeType(Name table, Name column, DataType<?> type) {
        step("change type of " + dsl.render(table) + "." + dsl.render(column) + " to " + describe(type),
                () -> changeTypeNow(table, column, type));
    }

    private void changeTypeNow(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type);
            return;
        }
        dsl.alterTable(table).alterColumn(column).set(bare(type)).execute();
        if (dialect == Dialect.H2 && type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    /**
     * Sets whether {@code column} of {@code table} accepts NULL, as {@code type} (the column's full
     * definition) says: {@code SET NOT NULL} / {@code DROP NOT NULL} on PostgreSQL and H2, the whole
     * column restated on MariaDB/MySQL.
     */
    public void changeNullability(Name table, Name column, DataType<?> type) {
        step("change nullability of " + dsl.render(table) + "." + dsl.render(column) + " to " + describe(type),
                () -> changeNullabilityNow(table, column, type));
    }

    private void changeNullabilityNow(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type);
        } else if (type.nullable()) {
            dsl.alterTable(table).alterColumn(column).dropNotNull().execute();
        } else {
            dsl.alterTable(table).alterColumn(column).setNotNull().execute();
        }
    }

    /**
     * Drops the primary key of {@code table}. PostgreSQL has no {@code DROP PRIMARY KEY}: the
     * constraint's name is looked up in {@code pg_constraint} (the table's quoted name is passed as
     * a bind value, never pasted); when it cannot be read, PostgreSQL's default {@code <table>_pkey}.
     */
    public void dropPrimaryKey(Name table) {
        step("drop primary key of " + dsl.render(table), () -> dropPrimaryKeyNow(table));
    }

    private void dropPrimaryKeyNow(Name table) {
        if (dialect != Dialect.POSTGRES) {
            dsl.alterTable(table).dropPrimaryKey().execute();
            return;
        }
        String constraint = dsl.resultQuery(
                "select conname from pg_catalog.pg_constraint where conrelid = to_regclass({0})::oid and contype = 'p'",
                DSL.val(dsl.render(table))).fetchOne(0, String.class);
        // Not found (or not readable, as on a recording connection): PostgreSQL's own default name.
        String name = constraint != null ? constraint : table.last() + "_pkey";
        dsl.alterTable(table).dropConstraint(DSL.quotedName(name)).execute();
    }

    /**
     * PostgreSQL: the names of the single-column checks on {@code column} whose definition is an
     * IN list (stored as {@code = ANY (ARRAY[…])}) — the database named them, as it does
     * Hibernate's enumeration checks. Table and column are bind values; empty where the catalog
     * cannot be read (a recording connection).
     */
    public List<Name> inListChecks(Name table, Name column) {
        return dsl.resultQuery("select c.conname from pg_catalog.pg_constraint c"
                        + " join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                        + " where c.conrelid = to_regclass({0})::oid and c.contype = 'c' and cardinality(c.conkey) = 1"
                        + " and a.attname = {1} and pg_catalog.pg_get_constraintdef(c.oid) like '%= ANY (%ARRAY[%'"
                        + " order by c.conname",
                        DSL.val(dsl.render(table)), DSL.val(column.last()))
                .fetch(0, String.class).stream().<Name>map(n -> DSL.quotedName(n)).toList();
    }

    /**
     * Drops a foreign key. MariaDB/MySQL keep the index they created for it (when no other index
     * served the key), named after the constraint, or after its first column when the constraint
     * was unnamed; that index is dropped too, so the table ends as it was before the key was added.
     */
    public void dropForeignKey(Name table, Name foreignKey) {
        step("drop foreign key " + dsl.render(foreignKey) + " of " + dsl.render(table), () -> dropForeignKeyNow(table, foreignKey));
    }

    private void dropForeignKeyNow(Name table, Name foreignKey) {
        if (!restatesColumn()) {
            dsl.alterTable(table).dropForeignKey(foreignKey).execute();
            return;
        }
        // MariaDB names the index it adds after the constraint, or after the first column when the
        // constraint had no name of its own.
        List<String> columns = dsl.resultQuery("select column_name from information_schema.key_column_usage where table_schema = database()"
                        + " and table_name = {0} and constraint_name = {1} order by ordinal_position", DSL.val(table.last()), DSL.val(foreignKey.last()))
                .fetch(0, String.class);
        dsl.alterTable(table).dropForeignKey(foreignKey).execute();
        Map<String, List<String>> indexes = new TreeMap<>();
        dsl.resultQuery("select index_name, column_name from information_schema.statistics where table_schema = database()"
                        + " and table_name = {0} order by index_name, seq_in_index", DSL.val(table.last()))
                .forEach(r -> indexes.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>()).add(r.get(1, String.class)));
        for (String candidate : columns.isEmpty() ? List.of(foreignKey.last()) : List.of(foreignKey.last(), columns.get(0))) {
            if (indexes.containsKey(candidate) && (columns.isEmpty() || indexes.get(candidate).equals(columns))) {
                dsl.dropIndex(DSL.quotedName(candidate)).on(table).execute();
                return;
            }
        }
    }

    /**
     * The name the database gave an unnamed UNIQUE constraint of {@code table} over exactly
     * {@code columns} (in order): PostgreSQL's {@code person_email_key}, H2's {@code CONSTRAINT_8},
     * MariaDB's {@code email}. Read from {@code information_schema} of the current schema.
     *
     * @throws ConcertinaException (MIGRATION_FAILED) when there is no such constraint
     */
    public Name uniqueKey(Name table, Name... columns) {
        return constraint("UNIQUE", "unique constraint", table, columns);
    }

    /** The name the database gave an unnamed foreign key of {@code table} over exactly {@code columns}; see {@link #uniqueKey}. */
    public Name foreignKey(Name table, Name... columns) {
        return constraint("FOREIGN KEY", "foreign key", table, columns);
    }

    private Name constraint(String type, String what, Name table, Name... columns) {
        String schema = dialect == Dialect.POSTGRES ? "current_schema()" : dialect == Dialect.H2 ? "current_schema" : "database()";
        // The schema expression is one of three constants above; the table and type are bind values.
        Map<String, List<String>> found = new TreeMap<>();
        dsl.resultQuery("select tc.constraint_name, kcu.column_name from information_schema.table_constraints tc"
                        + " join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name"
                        + " and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name"
                        + " where tc.table_schema = " + schema + " and tc.table_name = {0} and tc.constraint_type = {1}"
                        + " order by tc.constraint_name, kcu.ordinal_position",
                        DSL.val(table.last()), DSL.val(type))
                .forEach(r -> found.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>()).add(r.get(1, String.class)));
        List<String> wanted = java.util.Arrays.stream(columns).map(Name::last).toList();
        return found.entrySet().stream().filter(e -> e.getValue().equals(wanted)).map(e -> DSL.quotedName(e.getKey())).findFirst()
                .orElseThrow(() -> new ConcertinaException(ErrorCode.MIGRATION_FAILED, "find the " + what + " of " + dsl.render(table)
                        + " on " + wanted + ": there is none"));
    }

    /** MariaDB/MySQL: the whole column in one CHANGE COLUMN; jOOQ leaves the default out of it, so it is set after. */
    private void restate(Name table, Name column, DataType<?> type) {
        dsl.alterTable(table).alterColumn(column).set(bare(type).nullability(type.nullability())).execute();
        if (type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    private boolean restatesColumn() {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    }

    private <T> void setDefault(Name table, Name column, DataType<T> type) {
        dsl.alterTable(table).alterColumn(column).setDefault(type.defaultValue()).execute();
    }

    /** The type alone: no nullability, no default. */
    private static <T> DataType<T> bare(DataType<T> type) {
        Field<T> none = null;
        return type.nullability(Nullability.DEFAULT).defaultValue(none);
    }
}
