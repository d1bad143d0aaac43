package dev.concertina.engine.live;

import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Sequence;
import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schemacrawler.InformationSchemaKey;

/**
 * What the live reader does differently per database: which catalog SQL feeds SchemaCrawler
 * (resource folder {@code dev/concertina/engine/live/<folder>/<KEY>.sql}, one file per
 * SchemaCrawler information-schema key, every query limited to the session's current schema),
 * how to make the requested schema current for the read, which constraint names the database
 * generated itself, and what SchemaCrawler cannot read at all.
 */
abstract sealed class LiveDialect permits H2Live, PostgresLive, MariaDbLive {

    /** What a name belongs to, for the system-name rules. */
    enum Kind {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY,
        CHECK,
        INDEX
    }

    /** Undoes {@link #enter}. */
    interface Restore {
        void restore() throws SQLException;
    }

    static LiveDialect of(Dialect dialect) {
        switch (dialect) {
            case H2:
                return new H2Live();
            case POSTGRES:
                return new PostgresLive();
            case MARIADB:
            case MYSQL:
                return new MariaDbLive(dialect);
            default:
                throw new IllegalArgumentException(dialect.name());
        }
    }

    abstract Dialect dialect();

    /** The resource folder holding this dialect's catalog SQL. */
    abstract String folder();

    /** Makes {@code schemaName} the session's current schema (the catalog SQL reads that one). */
    abstract Restore enter(Connection connection, String schemaName) throws SQLException;

    /**
     * The name as the model keeps it: {@code name}, or empty when the database generated it (see
     * each dialect's rule). {@code columns} are the constrained columns in key order.
     */
    abstract String userName(Kind kind, String table, List<String> columns, String name, List<String> tableColumns);

    /**
     * True for a plain index the database created on its own for a foreign key over
     * {@code fkColumns} named {@code fkName} (MariaDB); H2's own indexes are already marked in SQL.
     */
    boolean isForeignKeyIndex(String indexName, List<String> indexColumns, String fkName, List<String> fkColumns) {
        return false;
    }

    /** ON DELETE / ON UPDATE as the model keeps it. */
    ReferentialAction action(ForeignKeyUpdateRule rule) {
        switch (rule) {
            case cascade:
                return ReferentialAction.CASCADE;
            case setNull:
                return ReferentialAction.SET_NULL;
            case setDefault:
                return ReferentialAction.SET_DEFAULT;
            case restrict:
                return ReferentialAction.RESTRICT;
            default:
                return ReferentialAction.NO_ACTION;
        }
    }

    /**
     * The rows of catalog query {@code key} (one of those the reader runs over plain JDBC), in the
     * shape of this dialect's {@code <KEY>.sql}: by default that file's rows.
     */
    List<Map<String, String>> rows(Connection connection, InformationSchemaKey key) throws SQLException {
        return CatalogRows.query(connection, LiveSchemaReader.resource(folder(), key));
    }

    /** The rows of this dialect's catalog query {@code <name>.sql} (queries SchemaCrawler has no key for). */
    List<Map<String, String>> rows(Connection connection, String name) throws SQLException {
        return CatalogRows.query(connection, LiveSchemaReader.resource(folder(), name));
    }

    /** Sequences the SEQUENCES query cannot return for this dialect; empty when it can. */
    List<Sequence> extraSequences(Connection connection) throws SQLException {
        return List.of();
    }

    /** Whether the SEQUENCES query exists (a dialect without one reads them in {@link #extraSequences}). */
    boolean hasSequencesView() {
        return true;
    }

    /**
     * The order of one index key row as {@link dev.concertina.engine.model.IndexDetails#order()}
     * keeps it: {@code ""}, {@code DESC}, or either with a null order that is not the default.
     */
    String keyOrder(Map<String, String> indexRow) {
        return "";
    }

    /**
     * Folds a type the database spells as another type plus a check (MariaDB's {@code json}: a
     * {@code longtext} with {@code check (json_valid(c))}) back into that type, the check removed
     * from {@code checks}: the columns as the model keeps them. By default, {@code columns} as read.
     */
    List<dev.concertina.engine.model.Column> checkedTypes(
            List<dev.concertina.engine.model.Column> columns,
            List<dev.concertina.engine.model.CheckConstraint> checks) {
        return columns;
    }

    /** The index's access method when not B-tree, lower case; {@code ""} for B-tree. */
    String indexMethod(Map<String, String> indexRow) {
        return "";
    }

    /**
     * How {@code table} appears quoted in a view definition this dialect prints, for finding the
     * views that read it; empty when the catalog names the dependencies itself.
     */
    java.util.Optional<String> quotedInDefinitions(String table) {
        return java.util.Optional.empty();
    }

    /** True when {@code name} starts with the table name (or a truncated prefix of it) — PostgreSQL's generated names. */
    static boolean startsWithTable(String name, String table) {
        return name.startsWith(table + "_");
    }
}
