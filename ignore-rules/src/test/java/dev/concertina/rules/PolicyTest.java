package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void policiesDecidePerKindAndDefaultToKeep() {
        IgnoreRules rules = IgnoreRules.parse("""
                table audit reason "owned elsewhere"
                [policy]
                index     follow-entities reason "every index we want is declared with @Index"
                not-null  follow-entities reason "nullable is written on every column"   # a comment
                default   keep            reason "defaults are set by the DBAs"
                [hints]
                rename table people -> person
                """, "concertina.ignore");
        assertTrue(rules.followsEntities(PolicyKind.INDEX));
        assertTrue(rules.followsEntities(PolicyKind.NOT_NULL));
        assertFalse(rules.followsEntities(PolicyKind.DEFAULT), "an explicit keep");
        assertFalse(rules.followsEntities(PolicyKind.UNIQUE), "no line: keep");
        assertEquals(List.of("index follow-entities reason \"every index we want is declared with @Index\"",
                        "not-null follow-entities reason \"nullable is written on every column\"",
                        "default keep reason \"defaults are set by the DBAs\""),
                rules.policies().stream().map(Policy::text).map(t -> t.replaceAll(" +", " ")).toList());
        assertEquals("concertina.ignore:4:1", rules.policies().get(1).origin().toString());
        assertEquals(1, rules.hints().tableRenames().size(), "the sections around [policy] still parse");
        assertTrue(rules.withHints(Hints.empty()).followsEntities(PolicyKind.INDEX), "merging hints keeps policies");
        assertFalse(IgnoreRules.none().followsEntities(PolicyKind.INDEX));
    }

    @Test
    void aHintsFileRefusesAPolicySection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("x.hints"),
                "[policy]\nindex keep reason \"x\"\n");
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parseHints(file));
        assertEquals(file + ":1:2: section [policy] in a hints file; expected hints only (policies go in the rules file)",
                e.getMessage());
    }
}
