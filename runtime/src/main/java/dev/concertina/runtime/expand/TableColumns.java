package dev.concertina.runtime.expand;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The columns of a table as a writer of copied rows sees them (a table sync, a row copy): which exist,
 * which the database computes itself (generated columns, which refuse any value) and which are
 * identity {@code GENERATED ALWAYS} (PostgreSQL, H2: they take a given value only with
 * {@code OVERRIDING SYSTEM VALUE}, and never in an UPDATE). Read from the catalog, names in the
 * database's own case.
 */
record TableColumns(Set<String> all, Set<String> generated, Set<String> identityAlways) {

    TableColumns {
        all = Set.copyOf(all);
        generated = Set.copyOf(generated);
        identityAlways = Set.copyOf(identityAlways);
    }

    static TableColumns read(Connection c, Dialect d, String table) throws SQLException {
        String sql = switch (d) {
            case POSTGRES ->
                "SELECT column_name, is_generated = 'ALWAYS', identity_generation = 'ALWAYS'"
                        + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?";
            case H2 ->
                "SELECT COLUMN_NAME, IS_GENERATED = 'ALWAYS', IDENTITY_GENERATION = 'ALWAYS'"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?";
            // MySQL's EXTRA says DEFAULT_GENERATED for an expression default: the expression tells.
            default ->
                "SELECT column_name, COALESCE(generation_expression, '') <> '', FALSE"
                        + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?";
        };
        Set<String> all = new HashSet<>();
        Set<String> generated = new HashSet<>();
        Set<String> always = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    all.add(name);
                    if (rs.getBoolean(2)) {
                        generated.add(name);
                    }
                    if (rs.getBoolean(3)) {
                        always.add(name);
                    }
                }
            }
        }
        return new TableColumns(all, generated, always);
    }

    /**
     * Whether the table has {@code column}; also when the catalog shows no column at all (the table is
     * missing, and the database says so, or a recording connection answers every query with no rows).
     */
    boolean has(String column) {
        return all.isEmpty() || all.contains(column);
    }

    /** Whether {@code columns} name an identity ALWAYS column, whose given value needs OVERRIDING SYSTEM VALUE. */
    boolean overrides(Iterable<String> columns) {
        for (String c : columns) {
            if (identityAlways.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
