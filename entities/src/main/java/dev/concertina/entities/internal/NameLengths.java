package dev.concertina.entities.internal;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * Refuses an entity name longer than the target database allows, before anything is planned or
 * run: PostgreSQL would silently cut it to 63 bytes (so the next diff sees a rename), MariaDB
 * would fail half-way through a migration. PostgreSQL counts UTF-8 bytes, MariaDB/MySQL and H2
 * characters ({@link Dialect#maxIdentifierLength()}). Names the database chooses (empty in the
 * model) are its own business.
 */
public final class NameLengths {

    private NameLengths() {}

    /**
     * @throws ConcertinaException (MODEL) naming the entity, the kind of name, the name, its length
     *         and the limit, for the first name (in table order) that is too long
     */
    public static void require(Schema schema, Dialect dialect) {
        for (Table t : schema.tables()) {
            check(dialect, t.origin(), "table", t.name(), t.name());
            for (Column c : t.columns()) {
                check(dialect, c.origin(), "column", t.name() + "\".\"" + c.name(), c.name());
            }
            for (Index i : t.indexes()) {
                check(dialect, i.origin(), "index", i.name(), i.name());
            }
            for (UniqueConstraint u : t.uniques()) {
                check(dialect, u.origin(), "unique constraint", u.name(), u.name());
            }
            for (ForeignKey f : t.foreignKeys()) {
                check(dialect, f.origin(), "foreign key", f.name(), f.name());
            }
            for (CheckConstraint c : t.checks()) {
                check(dialect, c.origin(), "check constraint", c.name(), c.name());
            }
        }
        for (Sequence s : schema.sequences()) {
            check(dialect, s.origin(), "sequence", s.name(), s.name());
        }
    }

    /** The length {@code dialect} counts for {@code name}: UTF-8 bytes on PostgreSQL, characters elsewhere. */
    public static int length(Dialect dialect, String name) {
        return dialect == Dialect.POSTGRES
                ? name.getBytes(StandardCharsets.UTF_8).length
                : name.codePointCount(0, name.length());
    }

    private static void check(Dialect dialect, Origin origin, String kind, String shown, String name) {
        int length = length(dialect, name);
        int max = dialect.maxIdentifierLength();
        if (name.isEmpty() || length <= max) {
            return;
        }
        String unit = dialect == Dialect.POSTGRES ? "bytes" : "characters";
        throw new ConcertinaException(
                ErrorCode.MODEL,
                origin + ": " + kind + " name \"" + shown + "\" is " + length + " " + unit
                        + " long; " + product(dialect) + " allows at most " + max + " " + unit
                        + ": give it a shorter name (@Table, @Column, @Index, @UniqueConstraint, @ForeignKey name)");
    }

    private static String product(Dialect d) {
        switch (d) {
            case H2:
                return "H2";
            case POSTGRES:
                return "PostgreSQL";
            case MARIADB:
                return "MariaDB";
            default:
                return "MySQL";
        }
    }
}
