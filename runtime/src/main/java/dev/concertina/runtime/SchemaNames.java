package dev.concertina.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
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
    private final CatalogNames catalog;
    private final ColumnStatements statements;

    /** {@code ctx}: the running migration, whose steps the column statements are; null outside one. */
    private SchemaNames(Dialect dialect, DSLContext dsl, MigrationContext ctx) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.catalog = new CatalogNames(dialect, Objects.requireNonNull(dsl, "dsl"));
        this.statements = new ColumnStatements(dialect, dsl, ctx, catalog);
    }

    /** The names (and column statements) for a running migration. */
    public static SchemaNames of(MigrationContext ctx) {
        return new SchemaNames(ctx.dialect(), ctx.dsl(), ctx);
    }

    /** The names for {@code dialect}; column statements run on {@code dsl}. */
    public static SchemaNames of(Dialect dialect, DSLContext dsl) {
        return new SchemaNames(dialect, dsl, null);
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
        statements.changeType(table, column, type);
    }

    /**
     * Sets whether {@code column} of {@code table} accepts NULL, as {@code type} (the column's full
     * definition) says: {@code SET NOT NULL} / {@code DROP NOT NULL} on PostgreSQL and H2, the whole
     * column restated on MariaDB/MySQL.
     */
    public void changeNullability(Name table, Name column, DataType<?> type) {
        statements.changeNullability(table, column, type);
    }

    /**
     * Drops the primary key of {@code table}. PostgreSQL has no {@code DROP PRIMARY KEY}: the
     * constraint's name is looked up in {@code pg_constraint} (the table's quoted name is passed as
     * a bind value, never pasted); when it cannot be read, PostgreSQL's default {@code <table>_pkey}.
     */
    public void dropPrimaryKey(Name table) {
        statements.dropPrimaryKey(table);
    }

    /**
     * Drops a foreign key. MariaDB/MySQL keep the index they created for it (when no other index
     * served the key), named after the constraint, or after its first column when the constraint
     * was unnamed; that index is dropped too, so the table ends as it was before the key was added.
     */
    public void dropForeignKey(Name table, Name foreignKey) {
        statements.dropForeignKey(table, foreignKey);
    }

    /**
     * PostgreSQL: the names of the single-column checks on {@code column} whose definition is an
     * IN list (stored as {@code = ANY (ARRAY[…])}) — the database named them, as it does
     * Hibernate's enumeration checks. Table and column are bind values; empty where the catalog
     * cannot be read (a recording connection).
     */
    public List<Name> inListChecks(Name table, Name column) {
        return catalog.inListChecks(table, column);
    }

    /**
     * The name the database gave an unnamed UNIQUE constraint of {@code table} over exactly
     * {@code columns} (in order): PostgreSQL's {@code person_email_key}, H2's {@code CONSTRAINT_8},
     * MariaDB's {@code email}. Read from {@code information_schema} of the current schema.
     *
     * @throws ConcertinaException (MIGRATION_FAILED) when there is no such constraint
     */
    public Name uniqueKey(Name table, Name... columns) {
        return catalog.uniqueKey(table, columns);
    }

    /** The name the database gave an unnamed foreign key of {@code table} over exactly {@code columns}; see {@link #uniqueKey}. */
    public Name foreignKey(Name table, Name... columns) {
        return catalog.foreignKey(table, columns);
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
        return catalog.index(table, columns);
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
        return catalog.check(table, expression);
    }

    /**
     * Drops the check constraint of {@code table} whose condition is {@code expression}, by the
     * name the database gave it ({@link #check}). MariaDB keeps a check written on a column
     * inside that column's definition, where {@code DROP CONSTRAINT} cannot reach it: the column
     * (named like the check) is restated as the catalog describes it, without the check.
     */
    public void dropCheck(Name table, String expression) {
        statements.dropCheck(table, expression);
    }
}
