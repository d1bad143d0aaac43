package dev.concertina.engine.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.normalize.SqlStyle.Quoting;
import dev.concertina.runtime.Dialect.IdentifierCase;
import org.junit.jupiter.api.Test;

class SqlExpressionTest {

    private static String c(String sql) {
        return SqlExpression.canonical(sql, new SqlStyle(Quoting.DOUBLE_QUOTE, IdentifierCase.LOWER));
    }

    @Test
    void keepsParenthesesPrecedenceNeeds() {
        assertEquals("(a = 1 or b = 2) and c = 3", c("((a = 1) OR (b = 2)) AND (c = 3)"));
        assertEquals("a = 1 or b = 2 and c = 3", c("(a = 1) OR ((b = 2) AND (c = 3))"));
        assertEquals("(a + b) * 2 > 0", c("(((a + b) * 2) > 0)"));
        assertEquals("a - (b - c) = 0", c("a - (b - c) = 0"));
        assertEquals("not (a = 1 or b = 2)", c("NOT ((a = 1) OR (b = 2))"));
    }

    @Test
    void stringLiteralsKeepTheirCase() {
        assertEquals("name <> 'Ab'", c("NAME != 'Ab'"));
    }

    @Test
    void castsRemovedIncludingMultiWordTypes() {
        assertEquals("x = '1'", c("(x)::character varying = '1'::character varying(10)"));
        assertEquals("t > '2020-01-01'", c("t > '2020-01-01'::timestamp without time zone"));
        assertEquals("x = 1", c("CAST(x AS INTEGER) = 1"));
    }

    @Test
    void predicates() {
        assertEquals("a is not null", c("(a IS NOT NULL)"));
        assertEquals("a not in (1, 2)", c("a NOT IN (1,2)"));
        assertEquals("a like 'x%'", c("(a LIKE 'x%')"));
        assertEquals("a >= 1 and a <= 2", c("a BETWEEN 1 AND 2"));
    }

    @Test
    void unparsableTextFallsBackToNormalisedTokens() {
        assertEquals("case when a then 1 else 2 end", c("CASE  WHEN \"a\" THEN 1 ELSE 2 END"));
    }

    @Test
    void identifiersStayValidSqlForTheDialect() {
        // Quoting that changes nothing is dropped; quoting that matters is kept, with the exact spelling.
        assertEquals("price > 0", c("\"price\" > 0"));
        assertEquals("\"Price\" > 0", c("\"Price\" > 0"));
        assertEquals("\"some col\" <> ''", c("\"some col\" <> ''"));
        assertEquals("\"select\" = 1", c("\"select\" = 1"));
        SqlStyle h2 = new SqlStyle(Quoting.DOUBLE_QUOTE, IdentifierCase.UPPER);
        assertEquals("status = 1", SqlExpression.canonical("\"STATUS\" = 1", h2));
        assertEquals("\"status\" = 1", SqlExpression.canonical("\"status\" = 1", h2));
        SqlStyle maria = new SqlStyle(Quoting.BACKTICK, IdentifierCase.AS_IS);
        assertEquals("status = 1", SqlExpression.canonical("`Status` = 1", maria));
        assertEquals("`Some Col` = 1", SqlExpression.canonical("`Some Col` = 1", maria));
    }
}
