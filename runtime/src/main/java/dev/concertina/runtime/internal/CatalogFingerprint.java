package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of the current schema's catalog: tables, columns (type, nullability, default), indexes
 * (with PostgreSQL's validity), constraints, triggers. Any single DDL statement changes it, so
 * comparing it with the hash taken just before a statement ran tells whether a statement whose
 * completion could not be recorded took effect (docs/runtime.md, "After a crash").
 */
public final class CatalogFingerprint {

    private CatalogFingerprint() {}

    private static final List<String> H2 = List.of(
            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                    + " IS_NULLABLE, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                    + " ORDER BY TABLE_NAME, COLUMN_NAME",
            "SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = SCHEMA()"
                    + " ORDER BY TABLE_NAME, INDEX_NAME",
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = SCHEMA() ORDER BY TABLE_NAME, CONSTRAINT_NAME",
            "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = SCHEMA() ORDER BY TRIGGER_NAME",
            "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = SCHEMA()"
                    + " ORDER BY SEQUENCE_NAME");

    private static final List<String> MARIADB = List.of(
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, COLUMN_NAME",
            "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
            "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE",
            "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME");

    private static final List<String> POSTGRES = List.of(
            "SELECT c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                    + " pg_get_expr(d.adbin, d.adrelid) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace"
                    + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                    + " WHERE s.nspname = current_schema() ORDER BY c.relname, a.attname",
            "SELECT i.indexrelid::regclass::text, i.indisvalid, i.indisready FROM pg_index i"
                    + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace s ON s.oid = c.relnamespace"
                    + " WHERE s.nspname = current_schema() ORDER BY 1",
            "SELECT c.conrelid::regclass::text, c.conname, c.contype, c.convalidated FROM pg_constraint c"
                    + " JOIN pg_namespace s ON s.oid = c.connamespace WHERE s.nspname = current_schema() ORDER BY 1, 2",
            "SELECT t.tgname, t.tgrelid::regclass::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = current_schema()"
                    + " AND NOT t.tgisinternal ORDER BY 1, 2",
            "SELECT p.proname, md5(p.prosrc) FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace"
                    + " WHERE s.nspname = current_schema() ORDER BY 1, 2");

    public static String of(Connection connection, Dialect dialect) {
        List<String> queries = switch (dialect) {
            case H2 -> H2;
            case MARIADB, MYSQL -> MARIADB;
            case POSTGRES -> POSTGRES;
        };
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (Statement s = connection.createStatement()) {
                for (String q : queries) {
                    try (ResultSet rs = s.executeQuery(q)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                                sha.update((byte) 0);
                            }
                            sha.update((byte) '\n');
                        }
                    }
                    sha.update((byte) '=');
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (SQLException e) {
            throw new ConcertinaException(ErrorCode.CONNECTION, "cannot read the catalog: " + Jdbc.oneLine(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
