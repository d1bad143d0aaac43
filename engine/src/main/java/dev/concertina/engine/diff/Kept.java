package dev.concertina.engine.diff;

import java.util.Locale;
import java.util.Objects;

/**
 * A difference that is not planned: the database has something the entities do not write, or an
 * equivalent of what they write. Listed in the "kept" section of {@code diff}; never a reason for
 * exit code 6 (docs/planner.md, "What the entities are silent about"; docs/diff-json.md).
 *
 * @param kind     what sort of object or aspect it is
 * @param table    its table
 * @param name     the object's name (index, constraint, column); empty for a primary key or a table
 * @param detail   what the database has, and where it matters what the entities have ({@code (b, a) vs (a, b)})
 * @param reason   why it is kept, in one sentence
 */
public record Kept(Kind kind, String table, String name, String detail, String reason) {

    /** The sorts of kept differences; {@link #label()} is the stable name in machine output. */
    public enum Kind {
        /** An index on a table whose entities declare no {@code @Index}. */
        INDEX,
        /** A unique constraint the entities do not declare. */
        UNIQUE,
        /** A check constraint the entities do not declare. */
        CHECK,
        /** A foreign key the mapping does not imply. */
        FOREIGN_KEY,
        /** NOT NULL where the entity leaves {@code nullable} at JPA's default. */
        NOT_NULL,
        /** A database default the entity does not write. */
        DEFAULT,
        /** A wider type than the length, precision or scale the entity leaves at JPA's default. */
        TYPE,
        /** A key or unique constraint over the same columns in another order. */
        KEY_ORDER,
        /**
         * A unique constraint over NOT NULL columns where the entities have the primary key, or a
         * primary key on a table the entities map without one.
         */
        PRIMARY_KEY,
        /** A wider integer type for an ordinal enum whose values fit both. */
        ORDINAL_TYPE,
        /** Another migration tool's bookkeeping table. */
        TOOL_TABLE,
        /** A table no entity maps that predates Concertina in this database ({@link PreexistingTables}). */
        TABLE,
        /** A table or column comment the entities do not write ({@code @Comment}); name empty for a table's. */
        COMMENT;

        /** {@code index}, {@code not_null}, {@code tool_table}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Kept {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * One line for people: {@code index "ix_person_email" on "person" ("email"): …},
     * {@code column "person"."name" NOT NULL: …}, {@code table "flyway_schema_history": …}.
     */
    public String describe() {
        String what = switch (kind) {
            case NOT_NULL, DEFAULT, TYPE, ORDINAL_TYPE -> "column " + Change.q(table, name);
            case TOOL_TABLE, TABLE -> "table " + Change.q(table);
            case COMMENT -> name.isEmpty() ? "table " + Change.q(table) : "column " + Change.q(table, name);
            case PRIMARY_KEY -> "primary key of " + Change.q(table);
            default -> kind.label().replace('_', ' ') + " " + Change.label(name) + "on " + Change.q(table);
        };
        return what + (detail.isEmpty() ? "" : " " + detail) + ": " + reason;
    }
}
