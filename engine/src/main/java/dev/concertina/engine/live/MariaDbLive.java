package dev.concertina.engine.live;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import schemacrawler.schema.ForeignKeyUpdateRule;

/**
 * MariaDB (and MySQL).
 *
 * <p><b>System names.</b> The primary key is always {@code PRIMARY}; an unnamed foreign key is
 * {@code <table>_ibfk_<n>}; an unnamed table check is {@code CONSTRAINT_<n>} and a check written
 * on a column is named after the column; an unnamed unique key or index takes its first column's
 * name, with {@code _2}, {@code _3}… when taken. All of these are kept empty.
 *
 * <p><b>Foreign key indexes.</b> InnoDB needs an index on a foreign key's columns and creates one,
 * named after the constraint (or, for an unnamed key, after its first column), when none exists.
 * A non-unique index over exactly the key's columns with that name is left out.
 *
 * <p><b>Actions.</b> MariaDB reports an unspecified ON DELETE / ON UPDATE as RESTRICT, which
 * InnoDB enforces exactly like NO ACTION (checks are immediate either way): both are NO_ACTION.
 *
 * <p><b>Sequences.</b> MariaDB 10.11 has no INFORMATION_SCHEMA.SEQUENCES; sequences are tables of
 * type SEQUENCE whose single row holds the settings, read here with a quoted name.
 *
 * <p><b>Entering the schema.</b> {@code Connection.setCatalog} (the database), restored afterwards.
 */
final class MariaDbLive extends LiveDialect {

    private static final Pattern FK = Pattern.compile(".+_ibfk_\\d+");
    private static final Pattern CHECK = Pattern.compile("CONSTRAINT_\\d+");

    private final Dialect dialect;

    MariaDbLive(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    Dialect dialect() {
        return dialect;
    }

    @Override
    String folder() {
        return "mariadb";
    }

    @Override
    Restore enter(Connection connection, String schemaName) throws SQLException {
        String previous = connection.getCatalog();
        connection.setCatalog(schemaName);
        return () -> {
            if (previous != null) connection.setCatalog(previous);
        };
    }

    @Override
    String userName(Kind kind, String table, List<String> columns, String name, List<String> tableColumns) {
        switch (kind) {
            case PRIMARY_KEY:
                return name.equals("PRIMARY") ? "" : name;
            case FOREIGN_KEY:
                return name.startsWith(table + "_ibfk_") && FK.matcher(name).matches() ? "" : name;
            case CHECK:
                return CHECK.matcher(name).matches() || tableColumns.contains(name) ? "" : name;
            default:
                return !columns.isEmpty() && isFirstColumnName(name, columns.get(0)) ? "" : name;
        }
    }

    private static boolean isFirstColumnName(String name, String firstColumn) {
        if (name.equals(firstColumn)) return true;
        return name.startsWith(firstColumn + "_")
                && name.substring(firstColumn.length() + 1).matches("\\d+");
    }

    @Override
    boolean isForeignKeyIndex(String indexName, List<String> indexColumns, String fkName, List<String> fkColumns) {
        if (!indexColumns.equals(fkColumns)) return false;
        return indexName.equals(fkName) || isFirstColumnName(indexName, fkColumns.get(0));
    }

    @Override
    ReferentialAction action(ForeignKeyUpdateRule rule) {
        ReferentialAction a = super.action(rule);
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    /**
     * MariaDB's {@code json} is a {@code longtext} with a check {@code json_valid(c)} named after the
     * column and the collation {@code utf8mb4_bin}; read back as JSON (raw {@code json}), that check
     * and collation being the type's own.
     */
    @Override
    List<Column> checkedTypes(List<Column> columns, List<CheckConstraint> checks) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            Optional<CheckConstraint> own = c.type().kind() != TypeKind.CLOB
                    ? Optional.empty()
                    : checks.stream()
                            .filter(k -> k.name().isEmpty()
                                    && (k.expression().equals("json_valid(" + c.name() + ")")
                                            || k.expression()
                                                    .equals("json_valid(\""
                                                            + c.name().replace("\"", "\"\"") + "\")")))
                            .findFirst();
            if (own.isPresent()) {
                checks.remove(own.get());
                // Its utf8mb4_bin collation is the type's too, not one the user chose.
                out.add(c.withType(ColumnType.of(TypeKind.JSON, "json"))
                        .withDetails(c.details()
                                .withCollation(c.details().collation().filter(k -> !k.endsWith("_bin")))));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** STATISTICS.COLLATION: D for a descending key (MariaDB 10.8+); MariaDB has no NULLS FIRST / LAST. */
    @Override
    String keyOrder(java.util.Map<String, String> row) {
        return "D".equals(row.get("CC_ORDER")) ? "DESC" : "";
    }

    @Override
    String indexMethod(java.util.Map<String, String> row) {
        String m = row.get("CC_METHOD");
        return m == null || m.equals("BTREE") ? "" : m.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    java.util.Optional<String> quotedInDefinitions(String table) {
        return java.util.Optional.of("`" + table.replace("`", "``") + "`");
    }

    @Override
    boolean hasSequencesView() {
        return false;
    }

    @Override
    List<Sequence> extraSequences(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME");
                ResultSet r = s.executeQuery()) {
            while (r.next()) names.add(r.getString(1));
        }
        List<Sequence> out = new ArrayList<>();
        // Rendered by jOOQ with the name quoted, executed over plain JDBC (no jOOQ connection logging).
        DSLContext render = DSL.using(dialect.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
        for (String name : names) {
            String sql =
                    render.render(render.select(DSL.field(DSL.name("start_value")), DSL.field(DSL.name("increment")))
                            .from(DSL.table(DSL.name(name))));
            try (PreparedStatement s = connection.prepareStatement(sql);
                    ResultSet r = s.executeQuery()) {
                if (r.next()) out.add(new Sequence(name, r.getLong(1), r.getLong(2), Origin.DATABASE));
            }
        }
        return out;
    }
}
