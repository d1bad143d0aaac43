package dev.concertina.samples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command of issue 2 on the bookshop sample, through the runnable jar, on each database.
 * The bookshop has expand 1f3a5c → 4b7d9e [2026.1] → a6e0b4 and contract 8c2e6a [2026.1,
 * requires 4b7d9e] → d9f1c3 (requires a6e0b4).
 */
class BookshopCommandsTest {

    private static final List<String> BOOKSHOP_TABLES = List.of("author", "book", "review");

    /** Global options before the command: {@code concertina --url U --user X check}. */
    private static String[] before(TestDb db, String... command) {
        String[] target = db.target();
        String[] all = new String[command.length + target.length];
        System.arraycopy(target, 0, all, 0, target.length);
        System.arraycopy(command, 0, all, target.length, command.length);
        return all;
    }

    /** Global options after the command: {@code concertina check --url U --user X}. */
    private static String[] args(TestDb db, String... command) {
        String[] target = db.target();
        String[] all = new String[command.length + target.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(target, 0, all, command.length, target.length);
        return all;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lifecycleThroughEveryCommand(DbKind kind) throws Exception {
        try (TestDb db = TestDb.create(kind)) {
            Cli cli = Cli.in(Cli.BOOKSHOP);

            // Nothing yet: check says expand pending (2), version says base.
            cli.run(args(db, "check")).expect(2).outContains("not under version control", "1f3a5c");
            cli.run(args(db, "version")).ok().outContains("expand", "base");

            // Contract before expand is refused, and changes nothing.
            cli.run(args(db, "sync", "--contract")).error("expand");
            assertTrue(db.tables().stream().noneMatch(BOOKSHOP_TABLES::contains), () -> "tables: " + db.tables());

            // Rolling upgrade: expand, then contract.
            cli.run(args(db, "sync", "--expand")).ok().outContains("1f3a5c", "4b7d9e", "a6e0b4", "3 migrations");
            assertTrue(db.tables().containsAll(BOOKSHOP_TABLES), () -> "tables: " + db.tables());
            assertTrue(db.columns("book").contains("legacy_code"));
            cli.run(args(db, "check")).expect(4).outContains("contract pending", "8c2e6a", "d9f1c3");
            cli.run(before(db, "check")).expect(4);
            cli.run(args(db, "sync", "--contract")).ok().outContains("8c2e6a", "d9f1c3", "2 migrations");
            assertFalse(db.columns("book").contains("legacy_code"));
            cli.run(args(db, "check")).ok().outContains("up to date");
            cli.run(before(db, "sync")).ok().outContains("nothing to do");

            // --verbose names the configuration file the sample's folder provides.
            cli.run(before(db, "version", "--verbose")).ok().outContains("a6e0b4", "d9f1c3", "(head)", "concertina.properties");
            Cli.Result history = cli.run(args(db, "history")).ok();
            List<String> lines = history.out().lines().toList();
            assertEquals(5, lines.size(), history.out());
            assertTrue(lines.get(0).contains("d9f1c3") && lines.get(4).contains("1f3a5c"), "newest first:\n" + history.out());

            // Downgrade off a terminal needs --yes, and without it nothing changes.
            cli.run(args(db, "downgrade", "-1")).error("--yes", "data");
            assertTrue(db.tables().contains("review"));
            cli.run(args(db, "version")).ok().outContains("d9f1c3");

            // Down to base and back up.
            cli.run(args(db, "downgrade", "base", "--yes")).ok().outContains("downgrade").errContains("concertina: warning: downgrade to base undoes 5 revisions", "d9f1c3", "may be lost");
            assertTrue(db.tables().stream().noneMatch(BOOKSHOP_TABLES::contains), () -> "tables: " + db.tables());
            cli.run(args(db, "check")).expect(2);

            // A milestone, a prefix and a step, then head.
            cli.run(args(db, "upgrade", "2026.1")).ok();
            cli.run(args(db, "version")).ok().outContains("4b7d9e", "8c2e6a");
            assertTrue(db.tables().containsAll(List.of("author", "book")) && !db.tables().contains("review"), () -> "tables: " + db.tables());
            cli.run(args(db, "upgrade", "a6e")).ok().outContains("a6e0b4");
            cli.run(before(db, "upgrade", "+1")).ok().outContains("d9f1c3");
            cli.run(args(db, "downgrade", "-1", "--yes")).ok().outContains("d9f1c3");
            // --quiet leaves out the per-migration lines, not the result.
            Cli.Result quiet = cli.run(before(db, "-q", "upgrade", "head")).ok().outContains("1 migration");
            assertFalse(quiet.out().contains("..."), quiet.out());
            cli.run(args(db, "check")).ok();

            // Nothing failed, so repair has nothing to do and says so (its real use: ConcurrencyAndCrashTest).
            cli.run(args(db, "repair")).ok().errContains("nothing to repair");

            // An unknown revision is one line naming it.
            cli.run(args(db, "upgrade", "zzz999")).error("zzz999");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void adoptsAnExistingSchemaWithVersionControlAndGoto(DbKind kind) throws Exception {
        try (TestDb db = TestDb.create(kind)) {
            // The schema of revision 4b7d9e, built by hand before Concertina was used (unquoted
            // names: each database folds them the way the sample's migrations name them).
            db.execute(
                    "create table author (id bigint not null, name varchar(200) not null, constraint author_pk primary key (id))",
                    "create table book (id bigint not null, title varchar(200) not null, author_id bigint not null,"
                            + " legacy_code varchar(20), isbn varchar(17), constraint book_pk primary key (id),"
                            + " constraint book_author_fk foreign key (author_id) references author (id))",
                    "create index book_isbn_idx on book (isbn)",
                    "insert into author (id, name) values (1, 'Ursula K. Le Guin')",
                    "insert into book (id, title, author_id) values (1, 'The Dispossessed', 1)");
            Cli cli = Cli.in(Cli.BOOKSHOP);

            cli.run(args(db, "version-control")).ok().outContains("base");
            assertTrue(db.tables().contains("concertina_version"), () -> "tables: " + db.tables());
            cli.run(args(db, "check")).expect(2);
            cli.run(args(db, "goto", "nosuch")).error("nosuch");
            cli.run(args(db, "goto", "4b7d9e")).ok().outContains("4b7d9e");
            cli.run(args(db, "history")).ok().outContains("goto", "4b7d9e");
            cli.run(args(db, "upgrade", "head")).ok().outContains("a6e0b4", "8c2e6a", "d9f1c3");
            assertTrue(db.tables().contains("review"));
            assertFalse(db.columns("book").contains("legacy_code"));
            assertEquals(List.of("The Dispossessed"), db.query("select title from book"));
            cli.run(args(db, "check")).ok();
        }
    }
}
