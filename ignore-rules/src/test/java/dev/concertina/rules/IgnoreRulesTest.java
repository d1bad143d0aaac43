package dev.concertina.rules;

import static dev.concertina.rules.ObjectKind.CHECK;
import static dev.concertina.rules.ObjectKind.COLUMN;
import static dev.concertina.rules.ObjectKind.FK;
import static dev.concertina.rules.ObjectKind.INDEX;
import static dev.concertina.rules.ObjectKind.SEQUENCE;
import static dev.concertina.rules.ObjectKind.TABLE;
import static dev.concertina.rules.ObjectKind.UNIQUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private static IgnoreRules rules(String text) {
        return IgnoreRules.parse(text, "concertina.ignore");
    }

    @Test
    void parsesEveryRuleFormWithItsPlaceAndText() {
        IgnoreRules rules = rules("""
                # deliberate differences
                [ignore]
                table audit_*  reason "owned by the audit service"   # trailing comment
                \tcolumn person.created_at only type, default reason "H2 reports TIMESTAMP(6)"
                index person(email, tenant_id) reason "built CONCURRENTLY by ops"
                unique "Person".uk_* reason "enforced by the application"
                fk *.fk_legacy_* reason "dropped by hand in production"
                check person(age) reason "Hibernate's own range check"
                sequence hibernate_sequence reason "shared sequence, owned by ops"
                """);
        List<Rule> all = rules.rules();
        assertEquals(7, all.size());
        Rule column = all.get(1);
        assertEquals(COLUMN, column.kind());
        assertEquals(EnumSet.of(Aspect.TYPE, Aspect.DEFAULT), column.aspects());
        assertEquals("H2 reports TIMESTAMP(6)", column.reason());
        assertEquals(new Origin("concertina.ignore", 4, 2), column.origin());
        assertEquals("concertina.ignore:4", column.location());
        assertEquals("column person.created_at only type, default reason \"H2 reports TIMESTAMP(6)\"", column.text());
        assertEquals("table audit_*  reason \"owned by the audit service\"", all.get(0).text());
        assertEquals(new Target.Columns(Glob.of("person"), List.of(Glob.of("email"), Glob.of("tenant_id")), true), all.get(2).target());
        assertEquals(new Target.Member(new Glob("Person", true), Glob.of("uk_*")), all.get(3).target());
        assertEquals(new Target.Columns(Glob.of("person"), List.of(Glob.of("age")), false), all.get(5).target());
        assertEquals(new Target.Single(Glob.of("hibernate_sequence")), all.get(6).target());
        assertTrue(rules.hints().isEmpty());
    }

    @Test
    void tableRulesMatchTheTableAndEverythingInIt() {
        IgnoreRules rules = rules("table audit_* reason \"owned by the audit service\"");
        assertTrue(rules.ignores(TABLE, "audit_log", "", List.of()));
        assertTrue(rules.ignores(TABLE, "AUDIT_LOG", "", List.of()), "H2 folds to upper case");
        assertFalse(rules.ignores(TABLE, "person", "", List.of()));
        assertTrue(rules.ignores(COLUMN, "audit_log", "id", List.of()));
        assertTrue(rules.ignores(INDEX, "audit_log", "ix_audit_at", List.of("at")));
        assertTrue(rules.ignores(FK, "audit_log", "", List.of("person_id")));
        assertFalse(rules.ignores(SEQUENCE, "audit_log", "audit_seq", List.of()), "a table rule does not name sequences");
        assertEquals(EnumSet.allOf(Aspect.class), rules.ignoredAspects("audit_log", "id"));
    }

    @Test
    void columnRulesMatchTableDotColumn() {
        IgnoreRules rules = rules("""
                column person.legacy_* reason "read by the old reporting job"
                column *.created_at reason "set by a database trigger"
                """);
        assertTrue(rules.ignores(COLUMN, "person", "legacy_code", List.of()));
        assertTrue(rules.ignores(COLUMN, "PERSON", "LEGACY_CODE", List.of()));
        assertFalse(rules.ignores(COLUMN, "person", "code", List.of()));
        assertFalse(rules.ignores(COLUMN, "orders", "legacy_code", List.of()));
        assertTrue(rules.ignores(COLUMN, "orders", "created_at", List.of()));
        assertFalse(rules.ignores(TABLE, "person", "", List.of()), "a column rule never hides its table");
        assertFalse(rules.ignores(INDEX, "person", "legacy_code", List.of("legacy_code")), "kinds do not mix");
    }

    @Test
    void aspectRulesSilenceAspectsButNotTheColumn() {
        IgnoreRules rules = rules("""
                column person.created_at only type reason "H2 reports TIMESTAMP(6)"
                column person.created_at only default, comment, identity reason "set by ops"
                column person.note reason "free text, not ours"
                """);
        assertFalse(rules.ignores(COLUMN, "person", "created_at", List.of()));
        assertEquals(EnumSet.of(Aspect.TYPE, Aspect.DEFAULT, Aspect.IDENTITY, Aspect.COMMENT), rules.ignoredAspects("person", "created_at"));
        assertEquals(Set.of(), rules.ignoredAspects("person", "name"));
        assertEquals(EnumSet.allOf(Aspect.class), rules.ignoredAspects("person", "note"));
    }

    @Test
    void indexColumnListsMatchInOrderAndInFull() {
        IgnoreRules rules = rules("index person(email, tenant_id) reason \"built by ops\"");
        assertTrue(rules.ignores(INDEX, "person", "idx_1", List.of("email", "tenant_id")));
        assertTrue(rules.ignores(INDEX, "PERSON", "IDX_1", List.of("EMAIL", "TENANT_ID")));
        assertFalse(rules.ignores(INDEX, "person", "idx_1", List.of("tenant_id", "email")), "(b, a) is another index");
        assertFalse(rules.ignores(INDEX, "person", "idx_1", List.of("email")));
        assertFalse(rules.ignores(INDEX, "person", "idx_1", List.of("email", "tenant_id", "id")));
        assertFalse(rules.ignores(UNIQUE, "person", "uk_1", List.of("email", "tenant_id")), "an index rule is not a unique rule");
    }

    @Test
    void constraintColumnListsMatchInAnyOrder() {
        IgnoreRules rules = rules("""
                unique person(email, tenant_id) reason "enforced by the application"
                fk orders(customer_id, tenant_id) reason "kept on the old side only"
                check person(age) reason "Hibernate's own range check"
                """);
        assertTrue(rules.ignores(UNIQUE, "person", "", List.of("tenant_id", "email")));
        assertTrue(rules.ignores(UNIQUE, "person", "", List.of("email", "tenant_id")));
        assertFalse(rules.ignores(UNIQUE, "person", "", List.of("email")));
        assertTrue(rules.ignores(FK, "orders", "fk_123", List.of("tenant_id", "customer_id")));
        assertTrue(rules.ignores(CHECK, "person", "ck_age", List.of("age")));
        assertFalse(rules.ignores(CHECK, "person", "ck_age", List.of()), "a check whose columns are unknown is matched by name only");
    }

    @Test
    void wildcardsInColumnListsTakeOneColumnEach() {
        IgnoreRules rules = rules("""
                unique person(tenant_id, *) reason "per-tenant uniques belong to the tenancy module"
                index orders(*_at) reason "time indexes are tuned in production"
                """);
        assertTrue(rules.ignores(UNIQUE, "person", "", List.of("email", "tenant_id")), "tenant_id takes tenant_id, * takes email");
        assertTrue(rules.ignores(UNIQUE, "person", "", List.of("tenant_id", "tenant_id2")));
        assertFalse(rules.ignores(UNIQUE, "person", "", List.of("email", "name")));
        assertTrue(rules.ignores(INDEX, "orders", "", List.of("created_at")));
        assertFalse(rules.ignores(INDEX, "orders", "", List.of("created_at", "id")));
    }

    @Test
    void constraintsAndIndexesByName() {
        IgnoreRules rules = rules("""
                index *.ix_tmp_* reason "scratch indexes of the batch job"
                fk orders.fk_legacy_? reason "dropped in production"
                sequence seq_[a-m]* reason "owned by ops"
                """);
        assertTrue(rules.ignores(INDEX, "person", "ix_tmp_1", List.of("a")));
        assertTrue(rules.ignores(INDEX, "ORDERS", "IX_TMP_X", List.of()));
        assertFalse(rules.ignores(INDEX, "person", "ix_person", List.of("a")));
        assertTrue(rules.ignores(FK, "orders", "fk_legacy_1", List.of("customer_id")));
        assertFalse(rules.ignores(FK, "orders", "fk_legacy_12", List.of("customer_id")));
        assertTrue(rules.ignores(SEQUENCE, "", "seq_invoice", List.of()));
        assertFalse(rules.ignores(SEQUENCE, "", "seq_order", List.of()));
    }

    @Test
    void quotedNamesMatchOnlyTheirExactCase() {
        IgnoreRules rules = rules("""
                table "AuditLog" reason "created by a tool that quotes names"
                column "Person"."eMail" reason "same"
                column person."Nick name" reason "a name with a space"
                table "a.b" reason "a name with a dot"
                """);
        assertTrue(rules.ignores(TABLE, "AuditLog", "", List.of()));
        assertFalse(rules.ignores(TABLE, "auditlog", "", List.of()));
        assertFalse(rules.ignores(TABLE, "AUDITLOG", "", List.of()));
        assertTrue(rules.ignores(COLUMN, "Person", "eMail", List.of()));
        assertFalse(rules.ignores(COLUMN, "person", "email", List.of()));
        assertTrue(rules.ignores(COLUMN, "PERSON", "Nick name", List.of()), "the unquoted table still matches in any case");
        assertTrue(rules.ignores(TABLE, "a.b", "", List.of()));
    }

    @Test
    void quotesInsideQuotedTextAreDoubled() {
        IgnoreRules rules = rules("table \"say \"\"hi\"\"\" reason \"the \"\"greeting\"\" table\"");
        assertTrue(rules.ignores(TABLE, "say \"hi\"", "", List.of()));
        assertEquals("the \"greeting\" table", rules.rules().get(0).reason());
    }

    @Test
    void rulesThatMatchedNothingAreStale() {
        IgnoreRules rules = rules("""
                table audit_* reason "owned by the audit service"
                column person.legacy_code reason "old reporting job"
                column person.created_at only type reason "H2 precision"
                index person(email) reason "built by ops"
                sequence old_seq reason "kept for the archive"
                """);
        assertEquals(5, rules.unused().size(), "nothing asked yet");
        rules.ignores(TABLE, "person", "", List.of());
        rules.ignores(COLUMN, "person", "legacy_code", List.of());
        rules.ignoredAspects("person", "created_at");
        rules.ignores(INDEX, "person", "ix", List.of("name"));
        List<Rule> stale = rules.unused();
        assertEquals(List.of(1, 4, 5), stale.stream().map(r -> r.origin().line()).toList());
        assertEquals("index person(email) reason \"built by ops\"", stale.get(1).text());
        rules.ignores(COLUMN, "audit_log", "id", List.of());
        assertEquals(List.of(4, 5), rules.unused().stream().map(r -> r.origin().line()).toList());
    }

    @Test
    void everyMatchingRuleIsMarkedUsedNotJustTheFirst() {
        IgnoreRules rules = rules("""
                column person.* reason "the whole table is in flux"
                column person.legacy_code reason "old reporting job"
                """);
        assertTrue(rules.ignores(COLUMN, "person", "legacy_code", List.of()));
        assertEquals(List.of(), rules.unused());
    }

    @Test
    void aspectRulesAreUsedOnlyWhenAspectsAreAsked() {
        IgnoreRules rules = rules("column person.created_at only type reason \"H2 precision\"");
        assertFalse(rules.ignores(COLUMN, "person", "created_at", List.of()));
        assertEquals(1, rules.unused().size(), "the column itself was not ignored by it");
        rules.ignoredAspects("person", "created_at");
        assertEquals(List.of(), rules.unused());
    }

    @Test
    void noneIgnoresNothing() {
        IgnoreRules none = IgnoreRules.none();
        assertFalse(none.ignores(TABLE, "person", "", List.of()));
        assertEquals(Set.of(), none.ignoredAspects("person", "id"));
        assertEquals(List.of(), none.unused());
        assertTrue(none.isEmpty());
        assertTrue(none.hints().isEmpty());
    }

    @Test
    void blankLinesCommentsCrLfAndByteOrderMarkAreFine() {
        IgnoreRules rules = rules("\uFEFF# header\r\n\r\n   \r\n  # indented comment\r\ntable a reason \"x # not a comment\" # a comment\r\n");
        assertEquals(1, rules.rules().size());
        assertEquals("x # not a comment", rules.rules().get(0).reason());
        assertEquals(5, rules.rules().get(0).origin().line());
    }
}
