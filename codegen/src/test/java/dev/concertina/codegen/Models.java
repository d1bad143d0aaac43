package dev.concertina.codegen;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.SchemaNames;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hand-built schemas for the codegen tests, written with PostgreSQL's (lower-case) names, and
 * folded for the other databases the way each stores unquoted names.
 */
final class Models {

    private Models() {}

    static ColumnType bigint() { return ColumnType.of(TypeKind.BIGINT, "bigint"); }
    static ColumnType integer() { return ColumnType.of(TypeKind.INTEGER, "integer"); }
    static ColumnType varchar(int n) { return ColumnType.sized(TypeKind.VARCHAR, n, "varchar(" + n + ")"); }
    static ColumnType decimal(int p, int s) { return ColumnType.decimal(p, s, "numeric(" + p + "," + s + ")"); }

    static Column col(String name, ColumnType type, boolean nullable) {
        return Column.of(name, type, nullable);
    }

    static Column col(String name, ColumnType type, boolean nullable, String defaultValue) {
        return Column.of(name, type, nullable).withDefault(Optional.of(defaultValue));
    }

    static Table table(String name, PrimaryKey pk, Column... columns) {
        return Table.of(name, List.of(columns)).withPrimaryKey(Optional.of(pk));
    }

    static PrimaryKey pk(String... columns) {
        return new PrimaryKey("", List.of(columns));
    }

    static Index index(String name, boolean unique, String... columns) {
        return new Index(name, List.of(columns), unique, Origin.UNKNOWN);
    }

    static UniqueConstraint unique(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns), Origin.UNKNOWN);
    }

    static ForeignKey fk(String name, List<String> columns, String table, List<String> referenced, ReferentialAction onDelete) {
        return new ForeignKey(name, columns, table, referenced, onDelete, ReferentialAction.NO_ACTION, Origin.UNKNOWN);
    }

    static CheckConstraint check(String name, String expression) {
        return new CheckConstraint(name, expression, Origin.UNKNOWN);
    }

    static Sequence sequence(String name, long start, long increment) {
        return new Sequence(name, start, increment, Origin.UNKNOWN);
    }

    static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of()).sorted();
    }

    /** The same schema with every folding name stored as {@code dialect} stores it. */
    static Schema fold(Schema s, Dialect dialect) {
        List<Table> tables = s.tables().stream().map(t -> fold(t, dialect)).toList();
        List<Sequence> sequences = s.sequences().stream()
                .map(q -> new Sequence(f(q.name(), dialect), q.start(), q.increment(), q.origin())).toList();
        return new Schema(tables, sequences).sorted();
    }

    private static Table fold(Table t, Dialect d) {
        return new Table(f(t.name(), d),
                t.columns().stream().map(c -> c.withName(f(c.name(), d)).withType(stored(c.type(), d))).toList(),
                t.primaryKey().map(p -> new PrimaryKey(f(p.name(), d), fl(p.columns(), d))),
                t.uniques().stream().map(u -> new UniqueConstraint(f(u.name(), d), fl(u.columns(), d), u.origin())).toList(),
                t.indexes().stream().map(i -> new Index(f(i.name(), d), fl(i.columns(), d), i.unique(), i.origin())).toList(),
                t.foreignKeys().stream().map(k -> new ForeignKey(f(k.name(), d), fl(k.columns(), d), f(k.referencedTable(), d),
                        fl(k.referencedColumns(), d), k.onDelete(), k.onUpdate(), k.origin())).toList(),
                t.checks().stream().map(c -> new CheckConstraint(f(c.name(), d), c.expression(), c.origin())).toList(),
                t.comment(), t.triggers(), t.origin());
    }

    /**
     * The type {@code dialect} reads back for a column codegen made of neutral {@code t}, where the
     * database has no such type (docs/codegen.md, "Types"): a large object is a CLOB or BLOB where
     * there is no {@code oid}, a zoned timestamp is MariaDB's {@code datetime}, an H2 character
     * LOB is PostgreSQL's {@code oid}.
     */
    static ColumnType stored(ColumnType t, Dialect d) {
        if (t.kind() == TypeKind.LARGE_OBJECT && d != Dialect.POSTGRES) {
            return ColumnType.of(t.content().orElse(TypeKind.BLOB), "lob");
        }
        if ((t.kind() == TypeKind.CLOB || t.kind() == TypeKind.BLOB) && d == Dialect.POSTGRES && !t.raw().equals("text") && !t.raw().equals("bytea")) {
            return ColumnType.largeObject(java.util.Optional.of(t.kind()), "oid");
        }
        if (t.kind() == TypeKind.TIMESTAMP_WITH_TIME_ZONE && d == Dialect.MARIADB && t.raw().contains("zone")) {
            return ColumnType.temporal(TypeKind.TIMESTAMP, t.precision().orElse(6), "datetime");
        }
        return t;
    }

    /** Lower-case names fold; any other name is exact and stays. */
    static String f(String name, Dialect d) {
        return SchemaNames.isFolding(Dialect.POSTGRES, name) ? d.foldUnquoted(name.toLowerCase(Locale.ROOT)) : name;
    }

    private static List<String> fl(List<String> names, Dialect d) {
        return names.stream().map(n -> f(n, d)).toList();
    }
}
