package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A hinted conversion by a column swap ({@link OnlineDdl#convertColumn}) on every database: values, NOT NULL, a rerun. */
class ColumnConvertTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aConversionSwapsTheColumnAndARerunKeepsIt(DbKind kind) throws Exception {
        Dialect d = switch (kind) {
            case H2 -> Dialect.H2;
            case POSTGRES -> Dialect.POSTGRES;
            case MARIADB -> Dialect.MARIADB;
        };
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String person = d.foldUnquoted("person");
            String age = d.foldUnquoted("age");
            exec(c, "create table person (id int primary key, age varchar(10) not null, note varchar(10))",
                    "insert into person values (1, '42', 'a'), (2, '7', 'b'), (3, '13', null)");
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(c, d, LockRetry.DEFAULTS, progress::add);
            Name t = DSL.quotedName(person);
            Name col = DSL.quotedName(age);
            for (int run = 0; run < 2; run++) {
                OnlineDdl.convertColumn(ctx, t, col, SQLDataType.INTEGER.notNull(), Conversion.sql("CAST({} AS INTEGER) + 1000"));
            }
            assertEquals(List.of("1 1042 a", "2 1007 b", "3 1013 -"),
                    column(c, "select concat(id, ' ', age, ' ', coalesce(note, '-')) from person order by id"));
            String schema = kind == DbKind.MARIADB ? "database()" : "current_schema";
            List<String> columns = column(c, "select lower(concat(column_name, ' ', data_type, ' ', is_nullable))"
                    + " from information_schema.columns where table_schema = " + schema + " and table_name = '" + person
                    + "' order by ordinal_position");
            assertEquals(List.of("id", "note", "age"), columns.stream().map(s -> s.split(" ")[0]).toList(), "the column moves to the end");
            assertTrue(columns.get(2).matches("age int(eger)? no"), columns.toString());
            assertEquals(List.of(), column(c, "select trigger_name from information_schema.triggers where event_object_schema = " + schema
                    + " and event_object_table = '" + person + "'"));
            assertTrue(progress.stream().anyMatch(m -> m.contains("has the new type already")), progress.toString());
            assertTrue(progress.stream().noneMatch(m -> m.toLowerCase(Locale.ROOT).contains("refused")), progress.toString());
        }
    }
}
