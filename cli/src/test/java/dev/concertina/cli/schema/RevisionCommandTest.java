package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code concertina revision}: autogenerate writes classes that compile and, once applied, leave
 * nothing for a second autogenerate; it refuses a database behind the code; empty revisions chain.
 */
class RevisionCommandTest {

    static final String PKG = "com.example.app.migrations";

    @TempDir
    Path dir;

    private String[] migrations() {
        return new String[] {"--migrations-package", PKG, "--migrations-classpath", dir.resolve("classes").toString()};
    }

    private String[] revision(String fixture, String... more) {
        String[] base = concat(concat(new String[] {"revision", "--source", dir.resolve("src").toString()}, migrations()), models(fixture));
        return concat(base, more);
    }

    private List<Path> sources() throws Exception {
        if (!Files.isDirectory(dir.resolve("src"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir.resolve("src"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void autogenerateCompileApplyAndFindNothing(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Run first = run(dir, db, revision("v1", "-m", "create person and team", "--autogenerate"));
            assertEquals(0, first.exit(), first::toString);
            assertEquals(1, sources().size(), first::toString);
            assertTrue(first.out().contains("wrote ") && first.out().contains("expand revision"), first::toString);
            assertTrue(first.out().contains("expand: 2 changes"), first::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));

            Run sync = run(dir, db, concat(new String[] {"sync"}, migrations()));
            assertEquals(0, sync.exit(), sync::toString);
            Run again = run(dir, db, revision("v1", "-m", "nothing", "--autogenerate"));
            assertEquals(0, again.exit(), again::toString);
            assertTrue(again.out().contains("nothing written"), again::toString);
            assertEquals(1, sources().size());

            // v2: a rename (confirmed) and a new column, split across expand and contract.
            Run undecided = run(dir, db, revision("v2", "-m", "display name", "--autogenerate"));
            assertEquals(1, undecided.exit(), undecided::toString);
            assertTrue(undecided.err().contains("possible rename"), undecided::toString);
            assertEquals(1, sources().size(), "nothing written while a rename is undecided");

            Run second = run(dir, db, revision("v2", "-m", "display name", "--autogenerate", "--rename", "person.fullname=display_name"));
            assertEquals(0, second.exit(), second::toString);
            assertEquals(3, sources().size(), second::toString);
            assertTrue(second.out().contains("contract revision"), second::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));

            // Not applied yet: autogenerate refuses until sync.
            Run behind = run(dir, db, revision("v2", "-m", "too early", "--autogenerate"));
            assertEquals(1, behind.exit(), behind::toString);
            assertTrue(behind.err().contains("run sync first"), behind::toString);

            Run sync2 = run(dir, db, concat(new String[] {"sync"}, migrations()));
            assertEquals(0, sync2.exit(), sync2::toString);
            Run none = run(dir, db, revision("v2", "-m", "nothing", "--autogenerate"));
            assertEquals(0, none.exit(), none::toString);
            assertTrue(none.out().contains("nothing written"), none::toString);

            Run check = run(dir, db, concat(new String[] {"check"}, migrations()));
            assertEquals(0, check.exit(), check::toString);
        }
    }

    @Test
    void emptyRevisionsChainOnTheBranchHeads() throws Exception {
        Run e1 = run(dir, null, concat(new String[] {"revision", "--expand", "-m", "add audit columns", "--source", dir.resolve("src").toString()}, migrations()));
        assertEquals(0, e1.exit(), e1::toString);
        assertTrue(e1.out().contains("parent base"), e1::toString);
        JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));
        String expandId = e1.out().replaceAll("(?s).*expand revision (\\w+).*", "$1");

        Run c1 = run(dir, null, concat(new String[] {"revision", "--contract", "-m", "drop old columns", "--source", dir.resolve("src").toString()}, migrations()));
        assertEquals(0, c1.exit(), c1::toString);
        Path contract = sources().stream().filter(p -> p.toString().contains("contract")).findFirst().orElseThrow();
        String text = Files.readString(contract);
        assertTrue(text.contains(expandId), "the contract revision requires the expand head " + expandId + ":\n" + text);

        // A source written but not compiled: the next revision would get the wrong parent.
        Run e2 = run(dir, null, concat(new String[] {"revision", "--contract", "-m", "more", "--source", dir.resolve("src").toString()}, migrations()));
        assertEquals(1, e2.exit(), e2::toString);
        assertTrue(e2.err().contains("compile the migrations first"), e2::toString);

        JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));
        Run e3 = run(dir, null, concat(new String[] {"revision", "--expand", "-m", "second", "--source", dir.resolve("src").toString()}, migrations()));
        assertEquals(0, e3.exit(), e3::toString);
        assertTrue(e3.out().contains("parent " + expandId), e3::toString);
        JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));
    }

    @Test
    void revisionNeedsASourceFolderAndAKind() {
        Run none = run(dir, null, concat(new String[] {"revision", "--expand", "-m", "x"}, migrations()));
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("--source"), none::toString);
        Run kind = run(dir, null, concat(new String[] {"revision", "-m", "x", "--source", "src"}, migrations()));
        assertEquals(1, kind.exit());
        Run two = run(dir, null, concat(new String[] {"revision", "--expand", "--contract", "-m", "x", "--source", "src"}, migrations()));
        assertEquals(1, two.exit(), two::toString);
    }
}
