package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.plan.PlanHints;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.ResolvedMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty revision templates, class names and hostile input. */
class RevisionTemplatesTest {

    @Test
    void emptyRevisionsAreWrittenInTheirBranchWithTheRightParent(@TempDir Path dir) throws Exception {
        GeneratedMigration e = RevisionTemplates.write(dir, Branch.EXPAND, "com.acme.db", "Add audit columns",
                BranchHead.of("aaaaaaaaaaaa", 3), Optional.empty(), Optional.of("2026.1"));
        GeneratedMigration c = RevisionTemplates.write(dir, Branch.CONTRACT, "com.acme.db", "Drop legacy flags",
                BranchHead.empty(), Optional.of(e.revision()), Optional.empty());
        assertTrue(Files.exists(dir.resolve("com/acme/db/expand/E0004AddAuditColumns.java")));
        assertTrue(Files.exists(dir.resolve("com/acme/db/contract/C0001DropLegacyFlags.java")));
        assertEquals(e.source(), Files.readString(dir.resolve(e.relativePath())));
        Harness.golden("templates/E0004AddAuditColumns.java", e.source());

        List<Class<?>> classes = Harness.compile(List.of(e, c));
        ResolvedMigration re = ResolvedMigration.of(classes.get(0));
        ResolvedMigration rc = ResolvedMigration.of(classes.get(1));
        assertEquals(Optional.of("aaaaaaaaaaaa"), re.parent());
        assertEquals(Branch.EXPAND, re.branch());
        assertEquals(Optional.of("2026.1"), re.milestone());
        assertEquals(Optional.empty(), rc.parent());
        assertEquals(Optional.of(e.revision()), rc.requires());
        // Without a downgrade the revision refuses, saying so.
        ConcertinaException refused = assertThrows(ConcertinaException.class, () -> ((Migration) classes.get(1)
                .getDeclaredConstructor().newInstance()).downgrade(null));
        assertEquals(ErrorCode.REFUSED, refused.code());

        // The same inputs give the same file; an existing file is never overwritten.
        assertEquals(e.source(), RevisionTemplates.empty(Branch.EXPAND, "com.acme.db", "Add audit columns",
                BranchHead.of("aaaaaaaaaaaa", 3), Optional.empty(), Optional.of("2026.1")).source());
        assertThrows(ConcertinaException.class, () -> RevisionTemplates.write(dir, Branch.EXPAND, "com.acme.db", "Add audit columns",
                BranchHead.of("aaaaaaaaaaaa", 3), Optional.empty(), Optional.of("2026.1")));
    }

    @Test
    void classNamesAreSafeJavaIdentifiersFromAnyMessage() {
        assertEquals("E0002AddDisplayName", ClassNames.of(Branch.EXPAND, 2, "add display_name"));
        assertEquals("C0010DropPersonFullname", ClassNames.of(Branch.CONTRACT, 10, "drop person.fullname!"));
        assertEquals("E0001Revision", ClassNames.of(Branch.EXPAND, 1, "*/ \u00e9\u00e8 \u2603"));
        assertEquals("E0001ClassExtends", ClassNames.of(Branch.EXPAND, 1, "class extends"));
        assertEquals(5 + ClassNames.MAX_WORDS_LENGTH, ClassNames.of(Branch.EXPAND, 1, "x".repeat(500)).length());
        assertTrue(javax.lang.model.SourceVersion.isName(ClassNames.of(Branch.EXPAND, 1, "1 2 3")));
    }

    @Test
    void hostileMessagesAndNamesStillCompileWithoutWarnings() {
        String message = "evil */ \\u000a class X {} @Deprecated <b>$1 \"quoted\" \\ end";
        Scenario s = new Scenario("hostile", Cases.naming().current(), Cases.naming().desired(), PlanHints.NONE, message,
                Scenario.Data.NONE, Scenario.Data.NONE, true);
        List<GeneratedMigration> generated = s.generate("0123456789ab");
        Harness.compile(generated);
        GeneratedMigration g = generated.get(0);
        assertTrue(g.source().contains("message = \"evil */ \\\\u000a class X {} @Deprecated <b>$1 \\\"quoted\\\" \\\\ end\""), g.source());
        assertTrue(g.className().endsWith(".E0002EvilU000aClassXDeprecatedB1QuotedEnd"), g.className());
    }
}
