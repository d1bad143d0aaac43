package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.Objects;
import org.jooq.DataType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * How one column's value becomes the other's while two columns are kept in sync: the {@code up}
 * (old → new) or {@code down} (new → old) direction of a sync trigger, or the expression of a
 * backfill.
 *
 * <p>A conversion is an expression over one source column. In {@link #sql(String)} templates the
 * source is written {@value #PLACEHOLDER}: {@code Conversion.sql("UPPER({})")}. Concertina replaces
 * every {@value #PLACEHOLDER} that is not inside a quoted string or identifier with the source
 * column, quoted by the dialect (for example {@code NEW."code"} in a PostgreSQL trigger); the
 * template itself must never name the column. {@link #cast(DataType)} is the portable form of the
 * most common conversion: jOOQ renders the cast for each dialect ({@code CAST(x AS signed)} on
 * MariaDB, {@code CAST(x AS int)} on H2).
 */
public sealed interface Conversion {

    /** What stands for the source column in an SQL template. */
    String PLACEHOLDER = "{}";

    /** The value is copied unchanged (a rename). */
    static Conversion identity() {
        return Identity.INSTANCE;
    }

    /**
     * An SQL expression over the source column, written {@value #PLACEHOLDER}; for example
     * {@code "CASE WHEN {} = 'Y' THEN 1 ELSE 0 END"}.
     *
     * @throws ConcertinaException (CONFIGURATION) when the template has no placeholder outside quotes
     */
    static Conversion sql(String template) {
        return new Sql(template);
    }

    /** {@code CAST(source AS type)}, rendered by jOOQ for each dialect. */
    static Conversion cast(DataType<?> type) {
        return new Cast(type);
    }

    /**
     * No copy in this direction: for a derived column that old code never reads, changes to the
     * new column are not written back (a one-way sync).
     */
    static Conversion none() {
        return None.INSTANCE;
    }

    /** True unless this is {@link #none()}. */
    default boolean copies() {
        return !(this instanceof None);
    }

    /**
     * The SQL expression for a source already rendered as SQL ({@code NEW."code"}, {@code "code"},
     * or a {@code ?} bind marker).
     */
    String render(Dialect dialect, String sourceSql);

    /** Copies the value unchanged. */
    enum Identity implements Conversion {
        INSTANCE;

        @Override
        public String render(Dialect dialect, String sourceSql) {
            return sourceSql;
        }

        @Override
        public String toString() {
            return "identity";
        }
    }

    /** No copy in this direction. */
    enum None implements Conversion {
        INSTANCE;

        @Override
        public String render(Dialect dialect, String sourceSql) {
            throw new ConcertinaException(ErrorCode.INTERNAL, "Conversion.none() has no expression");
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** An SQL template over {@value #PLACEHOLDER}. */
    record Sql(String template) implements Conversion {
        public Sql {
            Objects.requireNonNull(template, "template");
            if (Templates.substitute(template, "x").equals(template)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "conversion '" + template + "': no " + PLACEHOLDER
                                + " placeholder for the source column outside quotes");
            }
        }

        @Override
        public String render(Dialect dialect, String sourceSql) {
            return Templates.substitute(template, sourceSql);
        }
    }

    /** {@code CAST(source AS type)}. */
    record Cast(DataType<?> type) implements Conversion {
        public Cast {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String render(Dialect dialect, String sourceSql) {
            // Render the cast around a sentinel column, then put the real source in its place:
            // jOOQ knows each dialect's cast target names (signed, char(n), …).
            String sentinel = "concertina_cast_source";
            Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS);
            String quoted = DSL.using(dialect.jooq(), settings).render(DSL.name(sentinel));
            String sql = DSL.using(dialect.jooq(), settings).render(DSL.cast(DSL.field(DSL.name(sentinel)), type));
            return sql.replace(quoted, sourceSql);
        }
    }
}
