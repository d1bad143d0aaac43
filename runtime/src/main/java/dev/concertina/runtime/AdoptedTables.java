package dev.concertina.runtime;

import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.Sql;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The tables a database held before Concertina managed it (issue 11): {@code version_control}
 * records them in {@value OwnObjects#ADOPTED_TABLE}; a database not under version control has
 * nothing but such tables. The diff keeps a table of these that no entity maps instead of
 * dropping it, since the entities' silence about a table another tool made is not a request to
 * drop it (docs/planner.md, "Tables no entity maps").
 */
public final class AdoptedTables {

    private AdoptedTables() {}

    /**
     * The recorded tables; empty when the database is not under version control (then every table
     * it has predates Concertina). A database put under version control by an older Concertina, or
     * built by Concertina's migrations from the start, has none recorded.
     */
    public static Optional<Set<String>> read(Connection c, Dialect dialect) {
        VersionStore store = new VersionStore(c, dialect);
        if (!store.exists()) {
            return Optional.empty();
        }
        Set<String> out = new TreeSet<>();
        if (VersionStore.tableExists(c, dialect.foldUnquoted(OwnObjects.ADOPTED_TABLE))) {
            DSLContext dsl = Sql.dsl(c, dialect);
            dsl.select(column(dialect)).from(table(dialect)).fetch().forEach(r -> out.add(r.value1()));
        }
        return Optional.of(out);
    }

    /** Records every table the database holds now, but Concertina's own (at {@code version_control}). */
    static void record(Connection c, Dialect dialect) {
        DSLContext dsl = Sql.dsl(c, dialect);
        Field<String> name = column(dialect);
        dsl.createTableIfNotExists(table(dialect))
                .column(name, SQLDataType.VARCHAR(256).notNull())
                .constraints(DSL.constraint(n(dialect, OwnObjects.ADOPTED_TABLE + "_pk"))
                        .primaryKey(name))
                .execute();
        for (String t : tables(c)) {
            if (!OwnObjects.isOwnTable(t)) {
                dsl.insertInto(table(dialect)).columns(name).values(t).execute();
            }
        }
    }

    private static Table<?> table(Dialect dialect) {
        return DSL.table(n(dialect, OwnObjects.ADOPTED_TABLE));
    }

    private static Field<String> column(Dialect dialect) {
        return DSL.field(n(dialect, "table_name"), SQLDataType.VARCHAR(256));
    }

    private static Name n(Dialect dialect, String lower) {
        return DSL.name(dialect.foldUnquoted(lower));
    }

    /** The base tables of the connection's current schema, names as stored. */
    private static Set<String> tables(Connection c) {
        try {
            DatabaseMetaData md = c.getMetaData();
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", null)) {
                while (rs.next()) {
                    String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                    if (type.equals("TABLE") || type.equals("BASE TABLE") || type.equals("PARTITIONED TABLE")) {
                        out.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "cannot read the tables of the database: " + Jdbc.oneLine(e), e);
        }
    }
}
