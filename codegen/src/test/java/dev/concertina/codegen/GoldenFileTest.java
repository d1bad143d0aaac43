package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated sources of every case, compared whole with {@code golden/<case>/<Class>.java}
 * (rewrite them with {@code -Dgolden.update=true} and review the diff), compiled with every lint.
 */
class GoldenFileTest {

    static Stream<String> cases() {
        return Cases.list().stream().map(Scenario::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedSourcesMatchTheGoldenFilesAndCompileCleanly(String name) throws Exception {
        Scenario s = Cases.named(name).orElseThrow();
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> change = s.generate(base.get(0).revision());
        assertFalse(change.isEmpty(), "no class generated for " + name);
        for (GeneratedMigration g : change) {
            Harness.golden(name + "/" + g.className().substring(g.className().lastIndexOf('.') + 1) + ".java", g.source());
        }
    }

    /** All cases' classes in one javac run (each case has its own package), without a single diagnostic. */
    @Test
    void everyGeneratedSourceCompilesWithoutWarnings() {
        List<GeneratedMigration> all = Cases.list().stream().flatMap(s -> {
            List<GeneratedMigration> base = s.base();
            return concat(base, s.generate(base.get(0).revision())).stream();
        }).toList();
        assertEquals(all.size(), Harness.compile(all).size());
    }

    /**
     * A reviewer reads generated code in a diff view: no line of any case's classes (nor of an
     * empty revision template) is over 120 characters.
     */
    @Test
    void noGeneratedLineIsOver120Characters() {
        List<GeneratedMigration> all = new java.util.ArrayList<>(Cases.list().stream().flatMap(s -> {
            List<GeneratedMigration> base = s.base();
            return concat(base, s.generate(base.get(0).revision())).stream();
        }).toList());
        all.add(RevisionTemplates.empty(dev.concertina.runtime.Branch.EXPAND, "com.example.db.templates",
                "Add audit columns",
                BranchHead.of("0123456789ab", 3), java.util.Optional.empty(), java.util.Optional.empty()));
        List<String> over = new java.util.ArrayList<>();
        for (GeneratedMigration g : all) {
            List<String> lines = g.source().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > 120) {
                    over.add(g.className() + ":" + (i + 1) + " (" + lines.get(i).length() + "): " + lines.get(i));
                }
            }
        }
        assertEquals(List.of(), over, "generated lines over 120 characters");
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() {
        Scenario s = Cases.realistic();
        List<GeneratedMigration> first = s.generate("0123456789ab");
        List<GeneratedMigration> second = Cases.realistic().generate("0123456789ab");
        assertEquals(first.stream().map(GeneratedMigration::source).toList(), second.stream().map(GeneratedMigration::source).toList());
        assertEquals(first.stream().map(GeneratedMigration::revision).toList(), second.stream().map(GeneratedMigration::revision).toList());
    }

    @Test
    void anotherParentOrMessageGivesAnotherRevisionId() {
        Scenario s = Cases.realistic();
        String id = s.generate("0123456789ab").get(0).revision();
        String otherParent = s.generate("ba9876543210").get(0).revision();
        Plan plan = s.plan();
        String otherMessage = MigrationWriter.write(plan, MigrationRequest.of(s.basePackage(), "another message", Dialect.POSTGRES,
                BranchHead.of("0123456789ab", 1), BranchHead.empty())).get(0).revision();
        assertEquals(3, java.util.Set.of(id, otherParent, otherMessage).size());
    }

    private static List<GeneratedMigration> concat(List<GeneratedMigration> a, List<GeneratedMigration> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
