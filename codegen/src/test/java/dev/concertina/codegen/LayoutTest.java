package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The layout rules of generated code, alone. */
class LayoutTest {

    @Test
    void longStringsAreSplitAtSpacesIntoPartsThatJoinToTheOriginal() {
        String text = "table \"person\" is read-only until the contract migration runs: column \"age\" changes type"
                + " VARCHAR(10) -> INTEGER, and \\ a backslash stays";
        String code = CodeBlock.of("$L$W.", Layout.string(text)).toString();
        Matcher part = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
        StringBuilder joined = new StringBuilder();
        int parts = 0;
        while (part.find()) {
            String literal = part.group(1);
            assertTrue(literal.replace("\\\"", "\"").replace("\\\\", "\\").length() <= Layout.STRING_PART, literal);
            joined.append(literal.replace("\\\"", "\"").replace("\\\\", "\\"));
            parts++;
        }
        assertEquals(text, joined.toString());
        assertTrue(parts >= 2, code);
        assertEquals("\"short\"", Layout.string("short").toString());
    }

    @Test
    void aLongCodeLineBreaksOutsideStringsWithinTheWidth() {
        String line = "        Foo.bar(ctx, \"a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x\", "
                + "SQLDataType.VARCHAR(50).nullable(false).defaultValue(DSL.inline(\"x, y\", SQLDataType.VARCHAR(50))));";
        List<String> lines = Layout.rewrap(line + "\n").lines().toList();
        assertTrue(lines.size() > 1, String.join("\n", lines));
        for (String l : lines) {
            assertTrue(l.length() <= Layout.WIDTH, l);
            assertEquals(0, l.chars().filter(c -> c == '"').count() % 2, "a string literal was cut: " + l);
        }
        assertEquals(line.replace(" ", ""), String.join("", lines).replace(" ", ""));
        String comment = "        // " + "word ".repeat(40);
        assertEquals(comment + "\n", Layout.rewrap(comment + "\n"), "comments are wrapped where they are written");
    }

    @Test
    void aChainStaysOnOneLineWhenItFitsAndTakesALinePerCallWhenNot() {
        CodeBlock start = CodeBlock.of("ctx.dsl().alterTable(n.name($S))", "person");
        CodeBlock shortChain = Layout.chain(8, start, CodeBlock.of(".dropColumn(n.name($S))", "age"), CodeBlock.of(".execute()"));
        assertEquals("ctx.dsl().alterTable(n.name(\"person\")).dropColumn(n.name(\"age\")).execute()", shortChain.toString());
        CodeBlock longChain = Layout.chain(8, start, CodeBlock.of(".addColumn(n.name($S),$W$L)", "a_rather_long_column_name",
                "SQLDataType.VARCHAR(200).nullable(true)"), CodeBlock.of(".execute()"));
        assertEquals(3, CodeBlock.of("$L$W.", longChain).toString().lines().count(), longChain.toString());
    }

    @Test
    void textWrapsAtSpaces() {
        assertEquals(List.of("aa bb", "cc"), Layout.wrap("aa bb cc", 5));
        assertEquals(List.of("abcde", "fg"), Layout.wrap("abcdefg", 5));
    }
}
