package dev.concertina.engine.live;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * H2 2.x. SchemaCrawler has no H2 plugin, so checks, sequences and triggers would come back
 * empty; the catalog SQL of this dialect reads them from H2's INFORMATION_SCHEMA for SchemaCrawler.
 *
 * <p><b>System names.</b> H2 names unnamed constraints {@code CONSTRAINT_<hex>}
 * ({@code CONSTRAINT_8}, {@code CONSTRAINT_8C}); those are kept empty. The indexes H2 creates for
 * primary keys, unique constraints and foreign keys are flagged {@code IS_GENERATED} and left out
 * in SQL.
 *
 * <p><b>Entering the schema.</b> {@code Connection.setSchema}, restored afterwards.
 */
final class H2Live extends LiveDialect {

    private static final Pattern SYSTEM = Pattern.compile("CONSTRAINT_[0-9A-F]+");

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String folder() {
        return "h2";
    }

    @Override
    Restore enter(Connection connection, String schemaName) throws SQLException {
        String previous = connection.getSchema();
        connection.setSchema(schemaName);
        return () -> connection.setSchema(previous);
    }

    @Override
    String userName(Kind kind, String table, List<String> columns, String name, List<String> tableColumns) {
        return SYSTEM.matcher(name).matches() ? "" : name;
    }
}
