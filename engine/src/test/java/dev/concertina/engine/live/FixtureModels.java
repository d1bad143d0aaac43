package dev.concertina.engine.live;

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
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.testdb.DbKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The expected model of each hand-written fixture ({@code /live/<kind>.sql}), built by hand from
 * the DDL and the databases' documented behaviour — not from the reader or the normaliser.
 */
final class FixtureModels {

    private FixtureModels() {}

    static Schema expected(DbKind kind) {
        boolean h2 = kind == DbKind.H2;
        boolean pg = kind == DbKind.POSTGRES;
        boolean maria = kind == DbKind.MARIADB;
        // Undeclared TIME precision: 6 on PostgreSQL, 0 on H2 and MariaDB.
        int timeDigits = pg ? 6 : 0;

        List<Column> author = new ArrayList<>(List.of(
                col(kind, "id", t(TypeKind.BIGINT), false).withIdentity(true),
                col(kind, "name", ColumnType.sized(TypeKind.VARCHAR, 100, ""), false)
                        .withDefault(Optional.of("'anon'")).withComment(Optional.of("Display name")),
                col(kind, "email", ColumnType.sized(TypeKind.VARCHAR, 200, ""), true),
                col(kind, "born", t(TypeKind.DATE), true),
                col(kind, "created", ColumnType.temporal(TypeKind.TIMESTAMP, 6, ""), true)
                        .withDefault(Optional.of(maria ? "current_timestamp(6)" : "current_timestamp")),
                col(kind, "created_tz", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, ""), true),
                col(kind, "wake", ColumnType.temporal(TypeKind.TIME, timeDigits, ""), true),
                col(kind, "active", t(TypeKind.BOOLEAN), false).withDefault(Optional.of("true")),
                col(kind, "rating", ColumnType.decimal(5, 2, ""), true).withDefault(Optional.of("0")),
                col(kind, "score", t(TypeKind.DOUBLE), true),
                col(kind, "ratio", t(TypeKind.REAL), true),
                col(kind, "small", t(TypeKind.SMALLINT), true),
                col(kind, "big", t(TypeKind.BIGINT), true).withDefault(Optional.of("-1")),
                col(kind, "plain", t(TypeKind.INTEGER), true),
                col(kind, "bio", t(TypeKind.CLOB), true),
                col(kind, "photo", t(TypeKind.BLOB), true),
                col(kind, "code", ColumnType.sized(TypeKind.CHAR, 3, ""), true),
                // PostgreSQL's varchar + IN-list check reads as the same ENUM as the native types elsewhere
                col(kind, "status", ColumnType.enumeration(List.of("A", "B"), ""), true),
                col(kind, "kind", t(TypeKind.SMALLINT), true)));
        if (!pg) {
            author.add(col(kind, "tiny", t(TypeKind.TINYINT), true));
            author.add(col(kind, "bin", ColumnType.sized(TypeKind.VARBINARY, 16, ""), true));
        }
        // jsonb on PostgreSQL is its own kind, never json
        if (!maria) author.add(col(kind, "doc", t(pg ? TypeKind.JSONB : TypeKind.JSON), true));
        if (pg) author.add(col(kind, "big_photo", t(TypeKind.LARGE_OBJECT), true));
        if (maria) author.add(col(kind, "flag", t(TypeKind.BOOLEAN), true));
        author.add(col(kind, "uid", t(TypeKind.UUID), true));

        List<CheckConstraint> authorChecks = new ArrayList<>(List.of(
                new CheckConstraint("", "kind >= 0 and kind <= 2", Origin.UNKNOWN),
                new CheckConstraint(n(kind, "ck_author_rating"), "rating >= 0", Origin.UNKNOWN)));

        Table authorTable = Table.of(n(kind, "author"), author)
                .withPrimaryKey(Optional.of(new PrimaryKey("", names(kind, "id"))))
                .withUniques(List.of(new UniqueConstraint(n(kind, "uk_author_email"), names(kind, "email"), Origin.UNKNOWN)))
                .withChecks(authorChecks)
                .withComment(Optional.of("People who write"));

        List<Index> bookIndexes = new ArrayList<>(List.of(
                new Index(n(kind, "idx_book_title_seq"), names(kind, "title", "seq"), false, Origin.UNKNOWN)));
        if (!maria) bookIndexes.add(new Index(n(kind, "ux_book_isbn"), names(kind, "isbn"), true, Origin.UNKNOWN));
        // PostgreSQL names an unnamed index book_editor_id_idx (system name: empty); MariaDB's own
        // index for the editor_id foreign key, and H2's, are not user indexes.
        if (pg) bookIndexes.add(new Index("", names(kind, "editor_id"), false, Origin.UNKNOWN));

        Table book = Table.of(n(kind, "book"), List.of(
                        col(kind, "author_id", t(TypeKind.BIGINT), false),
                        col(kind, "seq", t(TypeKind.INTEGER), false),
                        col(kind, "title", ColumnType.sized(TypeKind.VARCHAR, 255, ""), false),
                        col(kind, "isbn", ColumnType.sized(TypeKind.CHAR, 13, ""), true),
                        col(kind, "editor_id", t(TypeKind.BIGINT), true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", names(kind, "author_id", "seq"))))
                .withUniques(List.of(new UniqueConstraint("", names(kind, "title", "isbn"), Origin.UNKNOWN)))
                .withIndexes(bookIndexes)
                .withForeignKeys(List.of(
                        new ForeignKey(n(kind, "fk_book_author"), names(kind, "author_id"), n(kind, "author"), names(kind, "id"),
                                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, Origin.UNKNOWN),
                        // MariaDB: RESTRICT behaves as NO ACTION and is read as such.
                        new ForeignKey("", names(kind, "editor_id"), n(kind, "author"), names(kind, "id"),
                                ReferentialAction.SET_NULL, maria ? ReferentialAction.NO_ACTION : ReferentialAction.RESTRICT, Origin.UNKNOWN)))
                .withTriggers(List.of(new Trigger(n(kind, "book_audit"), "BEFORE", maria ? "INSERT" : "INSERT,UPDATE")));

        List<Table> tables = new ArrayList<>(List.of(authorTable, book));
        if (pg) {
            tables.add(Table.of("counter", List.of(
                            col(kind, "n", t(TypeKind.INTEGER), false).withIdentity(true),
                            col(kind, "label", t(TypeKind.VARCHAR), true)))
                    .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("n")))));
        }
        return new Schema(tables, List.of(new Sequence(n(kind, "book_seq"), 100, 50, Origin.UNKNOWN)));
    }

    private static ColumnType t(TypeKind k) {
        return ColumnType.of(k, "");
    }

    private static Column col(DbKind kind, String name, ColumnType type, boolean nullable) {
        return Column.of(n(kind, name), type, nullable);
    }

    /** Unquoted names as each database stores them (H2 folds to upper case). */
    static String n(DbKind kind, String name) {
        return kind == DbKind.H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static List<String> names(DbKind kind, String... names) {
        return Arrays.stream(names).map(x -> n(kind, x)).toList();
    }
}
