package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading rules from a file on disk. */
class RulesFileTest {

    @TempDir
    Path dir;

    @Test
    void messagesNameTheFileAsGiven() throws IOException {
        Path file = dir.resolve(IgnoreRules.DEFAULT_FILE);
        Files.writeString(file, "table audit_log reason \"kept\"\ncolumn person.x only size reason \"y\"\n");
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parse(file));
        assertEquals(file + ":2:22: unknown aspect \"size\"; expected an aspect: type, nullable, default, identity or comment", e.getMessage());
    }

    @Test
    void readsAWellFormedFile() throws IOException {
        Path file = dir.resolve("rules.ignore");
        Files.writeString(file, "table audit_* reason \"owned by the audit service\"\n[hints]\nrename table people -> person\n");
        IgnoreRules rules = IgnoreRules.parse(file);
        assertEquals(file.toString(), rules.source());
        assertTrue(rules.ignores(ObjectKind.TABLE, "audit_log", "", List.of()));
        assertEquals(file.toString(), rules.hints().tableRenames().get(0).origin().source());
    }

    @Test
    void aFileThatIsNotUtf8FailsAtItsLine() throws IOException {
        Path file = dir.resolve("latin1.ignore");
        Files.write(file, "table a reason \"ok\"\ntable caf\u00e9 reason \"x\"\n".getBytes(StandardCharsets.ISO_8859_1));
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parse(file));
        assertEquals(file + ":2:10: byte 0xE9 that is not UTF-8; expected a file saved as UTF-8", e.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorUnlessOptional() {
        Path file = dir.resolve("absent.ignore");
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parse(file));
        assertEquals(file + ": a file that cannot be read (NoSuchFileException); expected a readable rules file", e.getMessage());
        assertTrue(IgnoreRules.parseIfPresent(file).isEmpty());
    }
}
