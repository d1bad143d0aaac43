package dev.concertina.runtime;

import static dev.concertina.runtime.Revisions.contract;
import static dev.concertina.runtime.Revisions.expand;
import static dev.concertina.runtime.Revisions.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationGraphTest {

    private static String invalid(ResolvedMigration... ms) {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> MigrationGraph.of(List.of(ms)));
        assertEquals(ErrorCode.INVALID_GRAPH, e.code());
        return e.getMessage();
    }

    private static String unknown(MigrationGraph g, String spec) {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> g.target(spec));
        assertEquals(ErrorCode.UNKNOWN_REVISION, e.code());
        return e.getMessage();
    }

    private static final MigrationGraph LINEAR = MigrationGraph.of(List.of(
            contract("c2", "c1", "e3"), expand("e3", "e2"), rev("e2", "e1", Branch.EXPAND, "", "2026.1"),
            expand("e1", ""), rev("c1", "", Branch.CONTRACT, "e2", "2026.1"), expand("abc", "e3"), expand("abd", "abc")));

    @Test
    void ordersEachBranchFromRootToHead() {
        assertEquals(List.of("e1", "e2", "e3", "abc", "abd"), LINEAR.chain(Branch.EXPAND).stream().map(ResolvedMigration::id).toList());
        assertEquals(List.of("c1", "c2"), LINEAR.chain(Branch.CONTRACT).stream().map(ResolvedMigration::id).toList());
        assertEquals("abd", LINEAR.head(Branch.EXPAND).orElseThrow().id());
        assertEquals("c2", LINEAR.head(Branch.CONTRACT).orElseThrow().id());
        assertEquals(Optional.empty(), MigrationGraph.of(List.of(expand("e1", ""))).head(Branch.CONTRACT));
    }

    @Test
    void twoRoots() {
        assertEquals("the expand branch has 2 roots, \"a\" and \"b\", none of which has a parent: make one the parent of the other"
                + " (set the parent of \"b\" to the last revision after \"a\")", invalid(expand("a", ""), expand("b", "")));
    }

    @Test
    void cycle() {
        assertEquals("revisions \"b\" -> \"c\" -> \"b\" form a cycle in the expand branch (each names the next as its parent):"
                + " one of them must have an earlier parent", invalid(expand("a", ""), expand("b", "c"), expand("c", "b")));
    }

    @Test
    void missingParent() {
        assertEquals("revision \"b\" (expand) names parent \"zz\", which no migration declares: fix the parent or restore the missing revision",
                invalid(expand("a", ""), expand("b", "zz")));
    }

    @Test
    void parentInTheOtherBranch() {
        assertEquals("revision \"c\" (contract) names parent \"a\" of the expand branch: a parent must be in the same branch",
                invalid(expand("a", ""), contract("c", "a", "")));
    }

    @Test
    void twoHeadsNameBothRevisionsAndTheFix() {
        assertEquals("the expand branch has 2 heads, \"pa\" and \"pb\", diverging after \"r1\" (two changes were added in parallel):"
                + " make one the parent of the other (set the parent of \"pb\" to \"pa\")",
                invalid(expand("r1", ""), expand("pa", "r1"), expand("pb", "r1")));
        // Deeper forks: the fix names the first revision of the second line.
        assertEquals("the contract branch has 2 heads, \"x3\" and \"y2\", diverging after \"x1\" (two changes were added in parallel):"
                + " make one the parent of the other (set the parent of \"y1\" to \"x3\")",
                invalid(contract("x1", "", ""), contract("x2", "x1", ""), contract("x3", "x2", ""), contract("y1", "x1", ""), contract("y2", "y1", "")));
    }

    @Test
    void twoHeadsFoundByScanningAPackage() {
        MigrationSource source = MigrationSource.scan(getClass().getClassLoader(), "dev.concertina.runtime.fixtures.twoheads");
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> MigrationGraph.of(source.all()));
        assertEquals("the expand branch has 2 heads, \"pa\" and \"pb\", diverging after \"r1\" (two changes were added in parallel):"
                + " make one the parent of the other (set the parent of \"pb\" to \"pa\")", e.getMessage());
    }

    @Test
    void contractRequiresUnknownExpandRevision() {
        assertEquals("contract revision \"c\" requires expand revision \"zz\", which no migration declares",
                invalid(expand("a", ""), contract("c", "", "zz")));
        assertEquals("contract revision \"d\" requires \"c\", which is a contract revision: requires must name an expand revision",
                invalid(contract("c", "", ""), contract("d", "c", "c")));
        assertEquals("expand revision \"b\" declares requires = \"a\": only contract revisions require an expand revision",
                invalid(expand("a", ""), rev("b", "a", Branch.EXPAND, "a", "")));
    }

    @Test
    void duplicateAndReservedIds() {
        assertEquals("revision id \"a\" is declared twice, by test:a and by test:a: give one of them a new id", invalid(expand("a", ""), contract("a", "", "")));
        assertEquals("revision id \"head\" (test:head) is reserved or malformed: base, head, +N, -N and '@' are revision arguments", invalid(expand("head", "")));
    }

    @Test
    void milestoneOnTwoRevisionsOfABranch() {
        assertEquals("milestone \"m\" is on two expand revisions, \"a\" and \"b\": a milestone marks one point per branch",
                invalid(rev("a", "", Branch.EXPAND, "", "m"), rev("b", "a", Branch.EXPAND, "", "m")));
    }

    @Test
    void resolvesIdsPrefixesMilestonesAndPoints() {
        assertEquals("e2", LINEAR.resolve("e2").id());
        assertEquals("c2", LINEAR.resolve("c2").id());
        assertEquals("abc", LINEAR.resolve("abc").id());
        assertEquals("e3", LINEAR.resolve(" e3 ").id());
        assertEquals(new Target.Base(Optional.empty()), LINEAR.target("base"));
        assertEquals(new Target.Head(Optional.empty()), LINEAR.target("HEAD"));
        assertEquals(new Target.Head(Optional.of(Branch.CONTRACT)), LINEAR.target("contract@head"));
        assertEquals(new Target.Base(Optional.of(Branch.EXPAND)), LINEAR.target("expand@base"));
        assertEquals(new Target.Relative(2), LINEAR.target("+2"));
        assertEquals(new Target.Relative(-1), LINEAR.target("-1"));
        assertEquals(List.of("e2", "c1"), ((Target.Revisions) LINEAR.target("2026.1")).revisions().stream().map(ResolvedMigration::id).toList());
    }

    @Test
    void prefixesMustBeUnique() {
        MigrationGraph g = MigrationGraph.of(List.of(expand("abc1", ""), expand("abd2", "abc1")));
        assertEquals("abd2", g.resolve("abd").id());
        assertEquals("revision prefix \"ab\" is ambiguous: it matches abc1 (expand), abd2 (expand)", unknown(g, "ab"));
        assertEquals("unknown revision \"zz\": no revision id, unique prefix or milestone matches (heads: expand abd2, contract none)", unknown(g, "zz"));
        assertEquals("unknown revision \"sideways@head\": expected expand@head, expand@base, contract@head or contract@base", unknown(g, "sideways@head"));
    }

    @Test
    void resolveWantsOneRevision() {
        ConcertinaException base = assertThrows(ConcertinaException.class, () -> LINEAR.resolve("base"));
        assertEquals(ErrorCode.UNKNOWN_REVISION, base.code());
        assertEquals("\"base\" names a point in the history, not one revision: name a revision id", base.getMessage());
        ConcertinaException both = assertThrows(ConcertinaException.class, () -> LINEAR.resolve("2026.1"));
        assertEquals("milestone \"2026.1\" marks 2 revisions (expand e2, contract c1), not one: name the revision", both.getMessage());
    }
}
