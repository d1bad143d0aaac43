package dev.concertina.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * <p>The runtime helpers ({@code SyncTriggers}, {@code WriteGuard}, {@code Backfill},
 * {@code TableSync}, {@code Precheck}) take these names too; their forms that take strings want
 * them in the database's own case: {@link #fold} of a folding name, or an exact name as it is.
 *
 * <p>Names the database chose for an index or constraint created without one differ per
 * database, so generated code never writes them: {@link #index}, {@link #uniqueKey},
 * {@link #foreignKey} and {@link #check} read them from the catalog when the migration runs.
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
        return type.getCastTypeName()
                + (type.nullable() ? " null" : " not null")
                + (type.defaulted() ? " default" : "");
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
        return !name.isEmpty()
                && source.foldUnquoted(name.toLowerCase(Locale.ROOT)).equals(name);
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
        step(
                "change type of " + dsl.render(table) + "." + dsl.render(column) + " to " + describe(type),
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
        step(
                "change nullability of " + dsl.render(table) + "." + dsl.render(column) + " to " + describe(type),
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
                        DSL.val(dsl.render(table)))
                .fetchOne(0, String.class);
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
        return dsl
                .resultQuery(
                        "select c.conname from pg_catalog.pg_constraint c"
                                + " join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                                + " where c.conrelid = to_regclass({0})::oid and c.contype = 'c' and cardinality(c.conkey) = 1"
                                + " and a.attname = {1} and pg_catalog.pg_get_constraintdef(c.oid) like '%= ANY (%ARRAY[%'"
                                + " order by c.conname",
                        DSL.val(dsl.render(table)), DSL.val(column.last()))
                .fetch(0, String.class)
                .stream()
                .<Name>map(n -> DSL.quotedName(n))
                .toList();
    }

    /**
     * Drops a foreign key. MariaDB/MySQL keep the index they created for it (when no other index
     * served the key), named after the constraint, or after its first column when the constraint
     * was unnamed; that index is dropped too, so the table ends as it was before the key was added.
     */
    public void dropForeignKey(Name table, Name foreignKey) {
        step(
                "drop foreign key " + dsl.render(foreignKey) + " of " + dsl.render(table),
                () -> dropForeignKeyNow(table, foreignKey));
    }

    private void dropForeignKeyNow(Name table, Name foreignKey) {
        if (!restatesColumn()) {
            dsl.alterTable(table).dropForeignKey(foreignKey).execute();
            return;
        }
        // MariaDB names the index it adds after the constraint, or after the first column when the
        // constraint had no name of its own.
        List<String> columns = dsl.resultQuery(
                        "select column_name from information_schema.key_column_usage where table_schema = database()"
                                + " and table_name = {0} and constraint_name = {1} order by ordinal_position",
                        DSL.val(table.last()), DSL.val(foreignKey.last()))
                .fetch(0, String.class);
        dsl.alterTable(table).dropForeignKey(foreignKey).execute();
        Map<String, List<String>> indexes = new TreeMap<>();
        dsl.resultQuery(
                        "select index_name, column_name from information_schema.statistics where table_schema = database()"
                                + " and table_name = {0} order by index_name, seq_in_index",
                        DSL.val(table.last()))
                .forEach(r -> indexes.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        for (String candidate :
                columns.isEmpty() ? List.of(foreignKey.last()) : List.of(foreignKey.last(), columns.get(0))) {
            if (indexes.containsKey(candidate)
                    && (columns.isEmpty() || indexes.get(candidate).equals(columns))) {
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

    /**
     * The name the database gave an index of {@code table} over exactly {@code columns} (in order)
     * that was created without one: PostgreSQL's {@code owners_last_name_idx}, H2's
     * {@code INDEX_8}, MariaDB's {@code last_name}. Indexes that back a constraint are not
     * candidates; of several equal indexes, the first by name.
     *
     * @throws ConcertinaException (MIGRATION_FAILED) when there is no such index
     */
    public Name index(Name table, Name... columns) {
        String sql;
        if (dialect == Dialect.POSTGRES) {
            sql = "select ic.relname, a.attname from pg_catalog.pg_index i"
                    + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
                    + " cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)"
                    + " join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum"
                    + " where i.indrelid = to_regclass({0})::oid and k.ord <= i.indnkeyatts"
                    + " and not exists (select 1 from pg_catalog.pg_constraint c where c.conindid = i.indexrelid)"
                    + " order by ic.relname, k.ord";
        } else if (dialect == Dialect.H2) {
            sql = "select i.index_name, c.column_name from information_schema.indexes i"
                    + " join information_schema.index_columns c on c.index_schema = i.index_schema"
                    + " and c.index_name = i.index_name and c.table_name = i.table_name"
                    + " where i.table_schema = current_schema and i.table_name = {0} and not i.is_generated"
                    + " and i.index_type_name <> 'PRIMARY KEY' order by i.index_name, c.ordinal_position";
        } else {
            sql = "select index_name, column_name from information_schema.statistics where table_schema = database()"
                    + " and table_name = {0} and index_name <> 'PRIMARY' order by index_name, seq_in_index";
        }
        Map<String, List<String>> found = new TreeMap<>();
        dsl.resultQuery(sql, tableValue(table))
                .forEach(r -> found.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        List<String> wanted = java.util.Arrays.stream(columns).map(Name::last).toList();
        return found.entrySet().stream()
                .filter(e -> e.getValue().equals(wanted))
                .map(e -> DSL.quotedName(e.getKey()))
                .findFirst()
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        "find the index of "
                                + dsl.render(table)
                                + " on " + String.join(", ", wanted) + ": there is none"));
    }

    /**
     * The name the database gave a check constraint of {@code table} that was created without
     * one (PostgreSQL's {@code owners_age_check}, H2's {@code CONSTRAINT_8}, MariaDB's
     * {@code CONSTRAINT_1} or the column's name), found by its condition: {@code expression} and
     * the database's text of each check are compared without case, quotes, parentheses, blanks
     * and PostgreSQL's casts.
     *
     * @throws ConcertinaException (MIGRATION_FAILED) when no check of the table has that condition
     */
    public Name check(Name table, String expression) {
        return findCheck(table, expression).name();
    }

    /** A check the database named, and whether MariaDB keeps it in its column's definition. */
    private record FoundCheck(Name name, boolean onColumn) {}

    private FoundCheck findCheck(Name table, String expression) {
        String sql;
        if (dialect == Dialect.POSTGRES) {
            sql = "select conname, pg_catalog.pg_get_constraintdef(oid) from pg_catalog.pg_constraint"
                    + " where conrelid = to_regclass({0})::oid and contype = 'c' order by conname";
        } else if (dialect == Dialect.H2) {
            sql = "select tc.constraint_name, cc.check_clause from information_schema.table_constraints tc"
                    + " join information_schema.check_constraints cc on cc.constraint_schema = tc.constraint_schema"
                    + " and cc.constraint_name = tc.constraint_name"
                    + " where tc.table_schema = current_schema and tc.table_name = {0} and tc.constraint_type = 'CHECK'"
                    + " order by tc.constraint_name";
        } else {
            // MariaDB lists checks written on a column here only, not in table_constraints.
            sql = "select constraint_name, check_clause, level from information_schema.check_constraints"
                    + " where constraint_schema = database() and table_name = {0} order by constraint_name";
        }
        String wanted = checkText(expression);
        List<String> seen = new ArrayList<>();
        for (org.jooq.Record r : dsl.resultQuery(sql, tableValue(table))) {
            seen.add(r.get(0, String.class) + " (" + r.get(1, String.class) + ")");
            if (checkText(r.get(1, String.class)).equals(wanted)) {
                boolean onColumn = r.size() > 2 && "Column".equalsIgnoreCase(r.get(2, String.class));
                return new FoundCheck(DSL.quotedName(r.get(0, String.class)), onColumn);
            }
        }
        throw new ConcertinaException(
                ErrorCode.MIGRATION_FAILED,
                "find the check (" + expression + ") of "
                        + dsl.render(table)
                        + ": there is none" + (seen.isEmpty() ? "" : "; its checks are " + String.join(", ", seen)));
    }

    /**
     * Drops the check constraint of {@code table} whose condition is {@code expression}, by the
     * name the database gave it ({@link #check}). MariaDB keeps a check written on a column
     * inside that column's definition, where {@code DROP CONSTRAINT} cannot reach it: the column
     * (named like the check) is restated as the catalog describes it, without the check.
     */
    public void dropCheck(Name table, String expression) {
        FoundCheck check = findCheck(table, expression);
        if (!check.onColumn()) {
            dsl.alterTable(table).dropConstraint(check.name()).execute();
            return;
        }
        // MariaDB names a check written on a column after the column.
        Name column = check.name();
        org.jooq.Record c = dsl.resultQuery(
                        "select column_type, is_nullable, column_default, extra, column_comment"
                                + " from information_schema.columns where table_schema = database() and table_name = {0}"
                                + " and column_name = {1}",
                        DSL.val(table.last()), DSL.val(column.last()))
                .fetchOne();
        if (c == null) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "drop the check (" + expression + ") of " + dsl.render(table) + ": its column " + dsl.render(column)
                            + " is not there");
        }
        // The type, default and extra are the catalog's own SQL for this column; names stay jOOQ names.
        StringBuilder definition = new StringBuilder(c.get(0, String.class));
        definition.append("NO".equals(c.get(1, String.class)) ? " not null" : " null");
        String defaultValue = c.get(2, String.class);
        if (defaultValue != null) {
            definition.append(" default ").append(defaultValue);
        }
        String extra =
                c.get(3, String.class) == null ? "" : c.get(3, String.class).toLowerCase(Locale.ROOT);
        if (extra.contains("auto_increment")) {
            definition.append(" auto_increment");
        }
        int onUpdate = extra.indexOf("on update ");
        if (onUpdate >= 0) {
            definition.append(' ').append(extra.substring(onUpdate));
        }
        String comment = c.get(4, String.class);
        if (comment != null && !comment.isEmpty()) {
            definition.append(" comment ").append(dsl.renderInlined(DSL.inline(comment)));
        }
        dsl.execute("alter table {0} modify column {1} " + definition, table, column);
    }

    /** The table as a bind value: PostgreSQL's queries take its quoted name, the others its name. */
    private org.jooq.Param<String> tableValue(Name table) {
        return DSL.val(dialect == Dialect.POSTGRES ? dsl.render(table) : table.last());
    }

    /** A check's condition reduced for comparison across databases' spellings of it. */
    private static String checkText(String condition) {
        String s = condition.toLowerCase(Locale.ROOT).strip();
        if (s.startsWith("check")) {
            s = s.substring("check".length());
        }
        s = s.replaceAll(
                "::(?:character varying|double precision|timestamp with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\\[\\])?",
                "");
        return s.replaceAll("[\"`()\\s]", "");
    }

    private Name constraint(String type, String what, Name table, Name... columns) {
        String schema = dialect == Dialect.POSTGRES
                ? "current_schema()"
                : dialect == Dialect.H2 ? "current_schema" : "database()";
        // The schema expression is one of three constants above; the table and type are bind values.
        Map<String, List<String>> found = new TreeMap<>();
        dsl.resultQuery(
                        "select tc.constraint_name, kcu.column_name from information_schema.table_constraints tc"
                                + " join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name"
                                + " and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name"
                                + " where tc.table_schema = " + schema
                                + " and tc.table_name = {0} and tc.constraint_type = {1}"
                                + " order by tc.constraint_name, kcu.ordinal_position",
                        DSL.val(table.last()),
                        DSL.val(type))
                .forEach(r -> found.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        List<String> wanted = java.util.Arrays.stream(columns).map(Name::last).toList();
        return found.entrySet().stream()
                .filter(e -> e.getValue().equals(wanted))
                .map(e -> DSL.quotedName(e.getKey()))
                .findFirst()
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        "find the " + what + " of " + dsl.render(table) + " on " + wanted + ": there is none"));
    }

    /** MariaDB/MySQL: the whole column in one CHANGE COLUMN; jOOQ leaves the default out of it, so it is set after. */
    private void restate(Name table, Name column, DataType<?> type) {
        dsl.alterTable(table)
                .alterColumn(column)
                .set(bare(type).nullability(type.nullability()))
                .execute();
        if (type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    private boolean restatesColumn() {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    }

    private <T> void setDefault(Name table, Name column, DataType<T> type) {
        dsl.alterTable(table)
                .alterColumn(column)
                .setDefault(type.defaultValue())
                .execute();
    }

    /** The type alone: no nullability, no default. */
    private static <T> DataType<T> bare(DataType<T> type) {
        Field<T> none = null;
        return type.nullability(Nullability.DEFAULT).defaultValue(none);
    }
}
