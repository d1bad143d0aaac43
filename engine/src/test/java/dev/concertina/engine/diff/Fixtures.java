package dev.concertina.engine.diff;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Short builders for hand-made schemas in table-driven tests. */
public final class Fixtures {

    public static final ColumnType BOOL = ColumnType.of(TypeKind.BOOLEAN, "boolean");
    public static final ColumnType SMALLINT = ColumnType.of(TypeKind.SMALLINT, "smallint");
    public static final ColumnType INT = ColumnType.of(TypeKind.INTEGER, "integer");
    public static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT, "bigint");
    public static final ColumnType TEXT = ColumnType.of(TypeKind.CLOB, "text");
    public static final ColumnType DATE = ColumnType.of(TypeKind.DATE, "date");
    public static final ColumnType TIMESTAMP = ColumnType.temporal(TypeKind.TIMESTAMP, 6, "timestamp(6)");
    public static final ColumnType UUID = ColumnType.of(TypeKind.UUID, "uuid");
    public static final ColumnType JSON = ColumnType.of(TypeKind.JSON, "json");

    private Fixtures() {}

    public static ColumnType varchar(int n) { return ColumnType.sized(TypeKind.VARCHAR, n, "varchar(" + n + ")"); }
    public static ColumnType chars(int n) { return ColumnType.sized(TypeKind.CHAR, n, "char(" + n + ")"); }
    public static ColumnType decimal(int p, int s) { return ColumnType.decimal(p, s, "decimal(" + p + "," + s + ")"); }
    public static ColumnType enumOf(String... values) { return ColumnType.enumeration(List.of(values), "enum"); }

    /** A nullable column. */
    public static Column col(String name, ColumnType type) { return Column.of(name, type, true); }
    /** A NOT NULL column. */
    public static Column req(String name, ColumnType type) { return Column.of(name, type, false); }
    public static Column withDefault(Column c, String dflt) { return c.withDefault(Optional.of(dflt)); }

    /** A table with an {@code id BIGINT} primary key first, then {@code columns}. */
    public static Table table(String name, Column... columns) {
        List<Column> cs = new ArrayList<>();
        cs.add(req("id", BIGINT));
        cs.addAll(Arrays.asList(columns));
        return Table.of(name, cs).withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))));
    }

    public static Table with(Table t, UnaryOperator<Table> f) { return f.apply(t); }

    public static Index index(String name, String... columns) { return new Index(name, List.of(columns), false, Origin.UNKNOWN); }
    public static Index uniqueIndex(String name, String... columns) { return new Index(name, List.of(columns), true, Origin.UNKNOWN); }
    public static UniqueConstraint unique(String name, String... columns) { return new UniqueConstraint(name, List.of(columns), Origin.UNKNOWN); }
    public static CheckConstraint check(String name, String expression) { return new CheckConstraint(name, expression, Origin.UNKNOWN); }
    public static ForeignKey fk(String name, String column, String target) {
        return new ForeignKey(name, List.of(column), target, List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, Origin.UNKNOWN);
    }
    public static Sequence seq(String name, long start, long increment) { return new Sequence(name, start, increment, Origin.UNKNOWN); }

    public static Table indexes(Table t, Index... i) { return t.withIndexes(List.of(i)); }
    public static Table uniques(Table t, UniqueConstraint... u) { return t.withUniques(List.of(u)); }
    public static Table checks(Table t, CheckConstraint... c) { return t.withChecks(List.of(c)); }
    public static Table fks(Table t, ForeignKey... f) { return t.withForeignKeys(List.of(f)); }

    public static Schema schema(Table... tables) { return new Schema(List.of(tables), List.of()); }
    public static Schema schema(List<Table> tables, Sequence... sequences) { return new Schema(tables, List.of(sequences)); }
}
