package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/ignore-rules.md is what users copy: its examples must parse and its messages must be real. */
class DocExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "ignore-rules.md");

    private static List<String> blocks(String language) throws IOException {
        String doc = Files.readString(DOC);
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyExampleParses() throws IOException {
        List<String> examples = blocks("ignore");
        assertTrue(examples.size() >= 10, "examples found: " + examples.size());
        for (String example : examples) {
            IgnoreRules rules = IgnoreRules.parse(example, "example");
            assertFalse(rules.isEmpty(), example);
        }
    }

    @Test
    void theHintsFileExampleParsesAsAHintsFileAndRulesAreRefusedThere(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        List<String> examples = blocks("hints");
        assertEquals(1, examples.size());
        Path file = Files.writeString(dir.resolve("release.hints"), examples.get(0));
        Hints hints = IgnoreRules.parseHints(file);
        assertTrue(hints.columnRenameFrom("person", "fullname").isPresent());
        assertEquals("CAST(x AS INTEGER)", hints.conversion("person", "age").orElseThrow().renderUp("x"));
        Path rules = Files.writeString(dir.resolve("rules.hints"), "rename table a -> b\n[ignore]\ntable audit reason \"x\"\n");
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parseHints(rules));
        assertEquals(rules + ":2:2: section [ignore] in a hints file; expected hints only (ignore rules go in the rules file)", e.getMessage());
    }

    @Test
    void theCompleteExampleMeansWhatTheDocSays() throws IOException {
        IgnoreRules rules = IgnoreRules.parse(blocks("ignore").get(0), "concertina.ignore");
        assertTrue(rules.ignores(ObjectKind.TABLE, "QRTZ_LOCKS", "", List.of()));
        assertFalse(rules.ignores(ObjectKind.TABLE, "qrtz_locks", "", List.of()));
        assertTrue(rules.ignores(ObjectKind.UNIQUE, "person", "uk_1", List.of("email", "tenant_id")));
        assertTrue(rules.ignores(ObjectKind.INDEX, "person", "ix_1", List.of("email", "tenant_id")));
        assertFalse(rules.ignores(ObjectKind.INDEX, "person", "ix_2", List.of("tenant_id", "email")));
        assertEquals(Set.of(Aspect.TYPE, Aspect.COMMENT), rules.ignoredAspects("person", "bio"));
        assertEquals(Set.of(Aspect.DEFAULT), rules.ignoredAspects("orders", "created_at"));
        Hints hints = rules.hints();
        assertTrue(hints.columnRenameFrom("person", "fullname").isPresent());
        assertTrue(hints.tableRenameFrom("people").isPresent());
        assertTrue(hints.deniesColumnRename("person", "nickname"));
        assertTrue(hints.deniesTableRename("archive"));
        assertEquals("CAST(x AS INTEGER)", hints.conversion("person", "age").orElseThrow().renderUp("x"));
    }

    /** The error lines shown in the doc are real messages of the malformed test files. */
    @Test
    void documentedMessagesAreTheParsersOwn() throws IOException {
        Set<String> real = MalformedRulesTest.cases()
                .map(a -> "concertina.ignore:" + a.get()[1])
                .collect(Collectors.toSet());
        List<String> shown = blocks("text").stream()
                .flatMap(b -> b.lines())
                .filter(l -> l.startsWith("concertina.ignore:") && !l.contains("stale rule"))
                .toList();
        assertTrue(shown.size() >= 10, "messages shown: " + shown.size());
        for (String line : shown) {
            assertTrue(real.contains(line), "not a message the tests produce: " + line);
        }
        RulesException e = assertThrows(RulesException.class, () -> Hints.parseRenameArg("person.fullname=FULLNAME"));
        assertTrue(blocks("text").stream().anyMatch(b -> b.contains(e.getMessage() + "\n")), e.getMessage());
    }
}
