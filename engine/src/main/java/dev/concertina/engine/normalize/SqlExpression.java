package dev.concertina.engine.normalize;

import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small SQL expression parser and canonical printer, used for defaults and checks.
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

    /** The identifier quote character of the dialect's expression text. */
    enum Quoting {
        /** {@code "name"} (H2, PostgreSQL). */
        DOUBLE_QUOTE,
        /** {@code `name`} (MariaDB, MySQL); string literals may also use backslash escapes. */
        BACKTICK
    }

    /** How a dialect quotes identifiers and folds unquoted ones. */
    record Style(Quoting quoting, Dialect.IdentifierCase unquotedCase) {

        /** An identifier as it is to be printed (see class docs). */
        String identifier(String stored) {
            boolean plain = PLAIN.matcher(stored).matches() && !RESERVED.contains(stored.toLowerCase(Locale.ROOT));
            boolean folded;
            switch (unquotedCase) {
                case UPPER:
                    folded = stored.equals(stored.toUpperCase(Locale.ROOT));
                    break;
                case LOWER:
                    folded = stored.equals(stored.toLowerCase(Locale.ROOT));
                    break;
                default:
                    folded = true; // MariaDB: column names are case-insensitive
            }
            if (plain && folded) return stored.toLowerCase(Locale.ROOT);
            char q = quoting == Quoting.BACKTICK ? '`' : '"';
            return q + stored.replace(String.valueOf(q), String.valueOf(q) + q) + q;
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Words that cannot be a bare column name in any of the three dialects (a working subset of SQL's reserved words). */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "between",
            "both",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "create",
            "cross",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "desc",
            "distinct",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "group",
            "having",
            "in",
            "inner",
            "intersect",
            "interval",
            "into",
            "is",
            "join",
            "key",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "or",
            "order",
            "outer",
            "primary",
            "references",
            "right",
            "row",
            "select",
            "some",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "value",
            "values",
            "when",
            "where",
            "with");

    /** The canonical text of {@code sql}. */
    static String canonical(String sql, Style style) {
        List<Token> tokens = tokenize(sql, style.quoting());
        try {
            Parser p = new Parser(tokens, style);
            Node n = p.expression();
            if (!p.atEnd()) throw new IllegalArgumentException("trailing tokens");
            return print(n);
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

    // ---------------------------------------------------------------- tokens

    enum Kind {
        WORD,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        SYMBOL
    }

    record Token(Kind kind, String text) {
        String canonical(Style style) {
            switch (kind) {
                case WORD:
                    return text.toLowerCase(Locale.ROOT);
                case QUOTED_IDENT:
                    return style.identifier(text);
                case STRING:
                    return "'" + text.replace("'", "''") + "'";
                default:
                    return text;
            }
        }

        boolean is(String word) {
            return (kind == Kind.WORD && text.equalsIgnoreCase(word)) || (kind == Kind.SYMBOL && text.equals(word));
        }
    }

    static List<Token> tokenize(String sql, Quoting quoting) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        s.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else if (d == '\\' && quoting == Quoting.BACKTICK && i + 1 < n) {
                        s.append(unescape(sql.charAt(i + 1)));
                        i += 2;
                    } else {
                        s.append(d);
                        i++;
                    }
                }
                // MySQL prefixes literals with a character-set introducer (_utf8mb4'A'): drop it.
                if (!out.isEmpty()
                        && out.get(out.size() - 1).kind == Kind.WORD
                        && out.get(out.size() - 1).text.startsWith("_")) {
                    out.remove(out.size() - 1);
                }
                out.add(new Token(Kind.STRING, s.toString()));
            } else if ((c == '"' && quoting == Quoting.DOUBLE_QUOTE) || (c == '`' && quoting == Quoting.BACKTICK)) {
                StringBuilder s = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == c && i + 1 < n && sql.charAt(i + 1) == c) {
                        s.append(c);
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        s.append(d);
                        i++;
                    }
                }
                out.add(new Token(Kind.QUOTED_IDENT, s.toString()));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) j++;
                if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
                    j++;
                    if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) j++;
                    while (j < n && Character.isDigit(sql.charAt(j))) j++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n
                        && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'))
                    j++;
                out.add(new Token(Kind.WORD, sql.substring(i, j)));
                i = j;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (two.equals("::")
                        || two.equals("<>")
                        || two.equals("!=")
                        || two.equals("<=")
                        || two.equals(">=")
                        || two.equals("||")) {
                    out.add(new Token(Kind.SYMBOL, two.equals("!=") ? "<>" : two));
                    i += 2;
                } else {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                }
            }
        }
        return out;
    }

    private static char unescape(char c) {
        switch (c) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case '0':
                return '\0';
            default:
                return c;
        }
    }

    // ---------------------------------------------------------------- tree

    sealed interface Node permits Atom, Call, Unary, Binary, Nary, In, IsNull {}

    /** A literal, an identifier or a niladic keyword, already in canonical text. */
    record Atom(String text) implements Node {}

    record Call(String name, List<Node> args) implements Node {}

    record Unary(String op, Node operand) implements Node {}

    record Binary(String op, Node left, Node right) implements Node {}

    /** AND / OR chains, flattened. */
    record Nary(String op, List<Node> operands) implements Node {}

    record In(Node subject, List<Node> values, boolean negated) implements Node {}

    record IsNull(Node subject, boolean negated) implements Node {}

    private static final int OR = 1, AND = 2, NOT = 3, CMP = 4, CONCAT = 5, ADD = 6, MUL = 7, NEG = 8, ATOM = 9;

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");

    /** Words that continue a type name after {@code ::} ({@code character varying}, {@code timestamp with time zone}). */
    private static final Set<String> TYPE_WORDS =
            Set.of("varying", "precision", "without", "with", "time", "zone", "large", "object");

    private static final class Parser {
        private final List<Token> t;
        private final Style style;
        private int i;

        Parser(List<Token> tokens, Style style) {
            this.t = tokens;
            this.style = style;
        }

        boolean atEnd() {
            return i >= t.size();
        }

        private Token peek() {
            return i < t.size() ? t.get(i) : new Token(Kind.SYMBOL, "");
        }

        private Token peek(int ahead) {
            return i + ahead < t.size() ? t.get(i + ahead) : new Token(Kind.SYMBOL, "");
        }

        private boolean accept(String word) {
            if (peek().is(word)) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            if (!accept(word)) throw new IllegalArgumentException("expected " + word);
        }

        Node expression() {
            return or();
        }

        private Node or() {
            Node first = and();
            if (!peek().is("or")) return first;
            List<Node> ops = new ArrayList<>();
            addFlat(ops, first, "or");
            while (accept("or")) addFlat(ops, and(), "or");
            return new Nary("or", ops);
        }

        private Node and() {
            Node first = not();
            if (!peek().is("and")) return first;
            List<Node> ops = new ArrayList<>();
            addFlat(ops, first, "and");
            while (accept("and")) addFlat(ops, not(), "and");
            return new Nary("and", ops);
        }

        private Node not() {
            if (accept("not")) return new Unary("not", not());
            return comparison();
        }

        private Node comparison() {
            Node left = concat();
            while (true) {
                Token k = peek();
                if (k.kind == Kind.SYMBOL && COMPARISONS.contains(k.text)) {
                    i++;
                    if ((peek().is("any") || peek().is("some") || peek().is("all")) && peek(1).is("(")) {
                        boolean all = peek().is("all");
                        i++;
                        expect("(");
                        List<Node> values = arrayValues();
                        expect(")");
                        if (!all && k.text.equals("=")) left = new In(left, values, false);
                        else if (all && k.text.equals("<>")) left = new In(left, values, true);
                        else throw new IllegalArgumentException("unsupported quantified comparison");
                    } else {
                        left = new Binary(k.text, left, concat());
                    }
                } else if (k.is("is")) {
                    i++;
                    boolean negated = accept("not");
                    expect("null");
                    left = new IsNull(left, negated);
                } else if (k.is("not") && (peek(1).is("in") || peek(1).is("like") || peek(1).is("between"))) {
                    i++;
                    left = new Unary("not", postfixPredicate(left));
                    // NOT IN is kept as a negated IN, the other two as NOT (…).
                    if (((Unary) left).operand() instanceof In in) left = new In(in.subject(), in.values(), true);
                } else if (k.is("in") || k.is("like") || k.is("between")) {
                    left = postfixPredicate(left);
                } else {
                    return left;
                }
            }
        }

        private Node postfixPredicate(Node left) {
            if (accept("in")) {
                expect("(");
                List<Node> values = new ArrayList<>();
                values.add(expression());
                while (accept(",")) values.add(expression());
                expect(")");
                return new In(left, values, false);
            }
            if (accept("like")) return new Binary("like", left, concat());
            expect("between");
            Node low = concat();
            expect("and");
            Node high = concat();
            return new Nary("and", List.of(new Binary(">=", left, low), new Binary("<=", left, high)));
        }

        /** The inside of {@code ANY (…)}: an {@code ARRAY[…]} constructor, possibly parenthesised and cast. */
        private List<Node> arrayValues() {
            int parens = 0;
            while (accept("(")) parens++;
            expect("array");
            expect("[");
            List<Node> values = new ArrayList<>();
            if (!peek().is("]")) {
                values.add(expression());
                while (accept(",")) values.add(expression());
            }
            expect("]");
            skipCasts();
            for (; parens > 0; parens--) {
                expect(")");
                skipCasts();
            }
            return values;
        }

        private Node concat() {
            Node left = additive();
            while (accept("||")) left = new Binary("||", left, additive());
            return left;
        }

        private Node additive() {
            Node left = multiplicative();
            while (peek().is("+") || peek().is("-")) {
                String op = t.get(i++).text;
                left = new Binary(op, left, multiplicative());
            }
            return left;
        }

        private Node multiplicative() {
            Node left = unary();
            while (peek().is("*") || peek().is("/") || peek().is("%")) {
                String op = t.get(i++).text;
                left = new Binary(op, left, unary());
            }
            return left;
        }

        private Node unary() {
            if (accept("-")) {
                Node operand = unary();
                if (operand instanceof Atom a
                        && !a.text().isEmpty()
                        && Character.isDigit(a.text().charAt(0))) {
                    return new Atom("-" + a.text());
                }
                return new Unary("-", operand);
            }
            if (accept("+")) return unary();
            Node n = primary();
            skipCasts();
            return n;
        }

        /** Drops {@code ::type} suffixes: casts the database adds on its own. */
        private void skipCasts() {
            while (accept("::")) skipTypeName();
        }

        private void skipTypeName() {
            Token first = t.get(i++);
            if (first.kind != Kind.WORD && first.kind != Kind.QUOTED_IDENT)
                throw new IllegalArgumentException("type expected");
            while (peek().kind == Kind.WORD && TYPE_WORDS.contains(peek().text.toLowerCase(Locale.ROOT))) i++;
            if (peek().is("(")) {
                while (!accept(")")) i++;
            }
            while (peek().is("[") && peek(1).is("]")) i += 2;
            while (peek().kind == Kind.WORD && TYPE_WORDS.contains(peek().text.toLowerCase(Locale.ROOT))) i++;
        }

        private Node primary() {
            Token k = t.get(i++);
            switch (k.kind) {
                case STRING:
                    return new Atom(k.canonical(style));
                case NUMBER:
                    return new Atom(k.text);
                case QUOTED_IDENT:
                    return qualified(k);
                case SYMBOL:
                    if (k.text.equals("(")) {
                        Node inner = expression();
                        expect(")");
                        return inner;
                    }
                    if (k.text.equals("*")) return new Atom("*");
                    throw new IllegalArgumentException("unexpected " + k.text);
                default:
                    break;
            }
            String word = k.text.toLowerCase(Locale.ROOT);
            if (word.equals("cast") && peek().is("(")) {
                i++;
                Node inner = expression();
                expect("as");
                skipTypeName();
                expect(")");
                return inner;
            }
            if (peek().is("(")) {
                i++;
                List<Node> args = new ArrayList<>();
                if (!peek().is(")")) {
                    args.add(expression());
                    while (accept(",")) args.add(expression());
                }
                expect(")");
                return new Call(word, args);
            }
            return qualified(k);
        }

        /** {@code a.b.c} → {@code c}: expressions in checks and defaults refer to the table's own columns. */
        private Node qualified(Token first) {
            Token last = first;
            while (peek().is(".") && (peek(1).kind == Kind.WORD || peek(1).kind == Kind.QUOTED_IDENT)) {
                i++;
                last = t.get(i++);
            }
            return new Atom(last.canonical(style));
        }

        private static void addFlat(List<Node> ops, Node n, String op) {
            if (n instanceof Nary nary && nary.op().equals(op)) ops.addAll(nary.operands());
            else ops.add(n);
        }
    }

    // ---------------------------------------------------------------- printing

    private static int precedence(Node n) {
        if (n instanceof Nary nary) return nary.op().equals("or") ? OR : AND;
        if (n instanceof Unary u) return u.op().equals("not") ? NOT : NEG;
        if (n instanceof Binary b) {
            switch (b.op()) {
                case "||":
                    return CONCAT;
                case "+":
                case "-":
                    return ADD;
                case "*":
                case "/":
                case "%":
                    return MUL;
                default:
                    return CMP;
            }
        }
        if (n instanceof In || n instanceof IsNull) return CMP;
        return ATOM;
    }

    static String print(Node n) {
        if (n instanceof Atom a) return a.text();
        if (n instanceof Call c) {
            StringBuilder s = new StringBuilder(c.name()).append('(');
            for (int k = 0; k < c.args().size(); k++)
                s.append(k == 0 ? "" : ", ").append(print(c.args().get(k)));
            return s.append(')').toString();
        }
        if (n instanceof Unary u) {
            String inner = wrap(u.operand(), precedence(u) + (u.op().equals("not") ? 0 : 1));
            return u.op().equals("not") ? "not " + inner : "-" + inner;
        }
        if (n instanceof Binary b) {
            int p = precedence(b);
            return wrap(b.left(), p) + " " + b.op() + " " + wrap(b.right(), p + 1);
        }
        if (n instanceof Nary nary) {
            int p = precedence(nary);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < nary.operands().size(); k++) {
                s.append(k == 0 ? "" : " " + nary.op() + " ")
                        .append(wrap(nary.operands().get(k), p + 1));
            }
            return s.toString();
        }
        if (n instanceof In in) {
            StringBuilder s =
                    new StringBuilder(wrap(in.subject(), CMP + 1)).append(in.negated() ? " not in (" : " in (");
            for (int k = 0; k < in.values().size(); k++)
                s.append(k == 0 ? "" : ", ").append(print(in.values().get(k)));
            return s.append(')').toString();
        }
        IsNull isNull = (IsNull) n;
        return wrap(isNull.subject(), CMP + 1) + (isNull.negated() ? " is not null" : " is null");
    }

    private static String wrap(Node n, int minPrecedence) {
        String s = print(n);
        return precedence(n) < minPrecedence ? "(" + s + ")" : s;
    }
}
