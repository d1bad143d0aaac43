package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.Kept;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table no entity maps is dropped only when Concertina made it (issue 11): on a database not
 * under version control every table predates Concertina and is kept; {@code version_control}
 * records what is there then, so a table made afterwards and mapped by no entity is planned for a
 * drop while the adopted one stays kept.
 */
class PreexistingTablesTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aTableNoEntityMapsIsKeptUntilConcertinaMadeIt(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            exec(db, "create table jgroups_ping (address varchar(200))");
            Concertina concertina = ConcertinaApiTest.on(db).load();

            DiffResult before = concertina.diff();
            assertEquals(List.of(), drops(before), before.plan()::toString);
            assertEquals(List.of("jgroups_ping"), keptTables(before));
            assertTrue(before.plan().kept().get(0).reason().contains("not under Concertina's version control"),
                    before.plan().kept().get(0)::describe);

            concertina.versionControl();
            exec(db, "create table made_later (id int)");
            DiffResult after = concertina.diff();
            assertEquals(List.of("made_later"), drops(after), after.plan()::toString);
            assertEquals(List.of("jgroups_ping"), keptTables(after));
            assertTrue(after.plan().kept().get(0).reason().contains("version_control adopted"),
                    after.plan().kept().get(0)::describe);
        }
    }

    private static List<String> drops(DiffResult r) {
        return r.changes().stream()
                .filter(c -> c instanceof Change.DropTable)
                .map(c -> c.table().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static List<String> keptTables(DiffResult r) {
        return r.plan().kept().stream()
                .filter(k -> k.kind() == Kept.Kind.TABLE)
                .map(k -> k.table().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static void exec(FreshDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
