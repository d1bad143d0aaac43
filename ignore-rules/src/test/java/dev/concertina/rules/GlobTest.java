package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // pattern      | name             | matches (case-insensitive, as written without quotes)
            "audit_*        | audit_log        | true",
            "audit_*        | AUDIT_LOG        | true",
            "audit_*        | audit_           | true",
            "audit_*        | audit            | false",
            "audit_*        | my_audit_log     | false",
            "*_tmp          | orders_tmp       | true",
            "*_tmp          | orders_tmp2      | false",
            "*              | anything         | true",
            "a*b*c          | aXXbYYc          | true",
            "a*b*c          | abcbc            | true",
            "a*b*c          | acb              | false",
            "**x            | x                | true",
            "t?             | t1               | true",
            "t?             | t                | false",
            "t?             | t12              | false",
            "log_[0-9]      | log_7            | true",
            "log_[0-9]      | log_x            | false",
            "log_[0-9][0-9] | log_42           | true",
            "log_[!0-9]     | log_x            | true",
            "log_[!0-9]     | log_7            | false",
            "log_[^0-9]     | log_7            | false",
            "[a-c]x         | Bx               | true",
            "[A-C]x         | bx               | true",
            "[!a-c]x        | Bx               | false",
            "[abc]          | c                | true",
            "[]]            | ]                | true",
            "[[]            | [                | true",
            "[*]            | *                | true",
            "[*]            | x                | false",
            "a-b            | a-b              | true",
            "straße         | STRASSE          | false",
            "émile          | ÉMILE            | true",
    })
    void matchesInAnyCaseUnlessQuoted(String pattern, String name, boolean matches) {
        assertEquals(matches, Glob.of(pattern).matches(name));
    }

    @Test
    void exactGlobsMatchCaseAsWritten() {
        Glob exact = new Glob("Audit*", true);
        assertTrue(exact.matches("AuditLog"));
        assertFalse(exact.matches("auditlog"));
        assertFalse(exact.matches("AUDITLOG"));
        assertFalse(new Glob("[A-C]x", true).matches("bx"));
        assertTrue(new Glob("[A-C]x", true).matches("Bx"));
    }

    @Test
    void literalMeansNoWildcard() {
        assertTrue(Glob.of("person").isLiteral());
        assertFalse(Glob.of("person*").isLiteral());
        assertFalse(Glob.of("p?rson").isLiteral());
        assertFalse(Glob.of("[p]erson").isLiteral());
    }

    @Test
    void rendersAsWritten() {
        assertEquals("audit_*", Glob.of("audit_*").toString());
        assertEquals("\"Say \"\"hi\"\"\"", new Glob("Say \"hi\"", true).toString());
    }

    @Test
    void malformedPatternsAreRefusedWhenBuiltInCode() {
        assertThrows(IllegalArgumentException.class, () -> Glob.of("a[b"));
        assertThrows(IllegalArgumentException.class, () -> Glob.of("a]"));
        assertThrows(IllegalArgumentException.class, () -> Glob.of("[z-a]"));
        assertThrows(IllegalArgumentException.class, () -> Glob.of(""));
    }
}
