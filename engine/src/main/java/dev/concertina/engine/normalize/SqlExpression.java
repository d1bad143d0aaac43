package dev.concertina.engine.normalize;

import dev.concertina.engine.normalize.SqlTokens.Token;
import dev.concertina.engine.normalize.SqlTree.Node;
import java.util.List;

/**
 * The canonical text of a SQL expression, used for defaults and checks: {@link SqlTokens}, then
 * {@link SqlParser} into a {@link SqlTree}, printed back.
 *
 * <p>Databases store expressions in their own rendering: PostgreSQL adds casts and parentheses
 * ({@code ((price > (0)::numeric))}), H2 quotes and upper-cases ({@code "STATUS" IN('A', 'B')}),
 * MariaDB back-quotes ({@code `price` > 0}). Parsing the text into a tree and printing the tree
 * with one spacing, one letter case and minimal parentheses makes these renderings equal.
 *
 * <p>The canonical form: keywords and function names in lower case; identifiers in lower case
 * without quotes when writing them so would name the same column (the name is in the dialect's
 * folded case and is a plain, non-reserved word), otherwise quoted with the dialect's quote and
 * their exact spelling ({@code "Some Col"}, {@code `Mixed`}) — so the canonical text is still valid
 * SQL for that dialect (the planner runs it); qualifiers dropped (checks only refer to the table's
 * own columns); string literals kept
 * byte-for-byte in single quotes; {@code ::type} and {@code CAST(x AS type)} removed; {@code !=} as
 * {@code <>}; {@code a BETWEEN x AND y} as {@code a >= x and a <= y} (PostgreSQL stores BETWEEN
 * that way); {@code x = ANY (ARRAY[…])} as {@code x in (…)} and {@code x <> ALL (ARRAY[…])} as
 * {@code x not in (…)} (PostgreSQL's storage of IN lists); parentheses only where precedence
 * needs them. Text that does not parse falls back to its tokens joined by single spaces, with the
 * same case and quoting rules, so an unknown construct still compares stably.
 */
final class SqlExpression {

    private SqlExpression() {}

    /** The canonical text of {@code sql}. */
    static String canonical(String sql, SqlStyle style) {
        List<Token> tokens = SqlTokens.tokenize(sql, style.quoting());
        try {
            SqlParser p = new SqlParser(tokens, style);
            Node n = p.expression();
            if (!p.atEnd()) throw new IllegalArgumentException("trailing tokens");
            return SqlTree.print(n);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            StringBuilder s = new StringBuilder();
            Token prev = null;
            for (Token t : tokens) {
                boolean tight = prev == null
                        || t.is(".")
                        || t.is(",")
                        || t.is(")")
                        || t.is("]")
                        || prev.is(".")
                        || prev.is("(")
                        || prev.is("[");
                if (!tight) s.append(' ');
                s.append(t.canonical(style));
                prev = t;
            }
            return s.toString();
        }
    }
}
