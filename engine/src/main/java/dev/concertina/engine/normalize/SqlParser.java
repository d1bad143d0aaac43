package dev.concertina.engine.normalize;

import dev.concertina.engine.normalize.SqlTokens.Kind;
import dev.concertina.engine.normalize.SqlTokens.Token;
import dev.concertina.engine.normalize.SqlTree.Atom;
import dev.concertina.engine.normalize.SqlTree.Binary;
import dev.concertina.engine.normalize.SqlTree.Call;
import dev.concertina.engine.normalize.SqlTree.In;
import dev.concertina.engine.normalize.SqlTree.IsNull;
import dev.concertina.engine.normalize.SqlTree.Nary;
import dev.concertina.engine.normalize.SqlTree.Node;
import dev.concertina.engine.normalize.SqlTree.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over an expression's tokens, into a {@link SqlTree}: casts dropped, BETWEEN and
 * {@code = ANY (ARRAY[…])} rewritten as the forms PostgreSQL stores. Throws {@link
 * IllegalArgumentException} on what it does not know.
 */
final class SqlParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");

    /** Words that continue a type name after {@code ::} ({@code character varying}, {@code timestamp with time zone}). */
    private static final Set<String> TYPE_WORDS =
            Set.of("varying", "precision", "without", "with", "time", "zone", "large", "object");

    private final List<Token> t;
    private final SqlStyle style;
    private int i;

    SqlParser(List<Token> tokens, SqlStyle style) {
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
        return chain("or", this::and);
    }

    private Node and() {
        return chain("and", this::not);
    }

    /** {@code a op b op c} as one flat {@link Nary}; a single operand as itself. */
    private Node chain(String op, Supplier<Node> operand) {
        Node first = operand.get();
        if (!peek().is(op)) return first;
        List<Node> ops = new ArrayList<>();
        addFlat(ops, first, op);
        while (accept(op)) addFlat(ops, operand.get(), op);
        return new Nary(op, ops);
    }

    private Node not() {
        if (accept("not")) return new Unary("not", not());
        return comparison();
    }

    private Node comparison() {
        Node left = concat();
        while (true) {
            Token k = peek();
            if (k.kind() == Kind.SYMBOL && COMPARISONS.contains(k.text())) {
                i++;
                if ((peek().is("any") || peek().is("some") || peek().is("all")) && peek(1).is("(")) {
                    boolean all = peek().is("all");
                    i++;
                    expect("(");
                    List<Node> values = arrayValues();
                    expect(")");
                    if (!all && k.text().equals("=")) left = new In(left, values, false);
                    else if (all && k.text().equals("<>")) left = new In(left, values, true);
                    else throw new IllegalArgumentException("unsupported quantified comparison");
                } else {
                    left = new Binary(k.text(), left, concat());
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
            String op = t.get(i++).text();
            left = new Binary(op, left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String op = t.get(i++).text();
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
        if (first.kind() != Kind.WORD && first.kind() != Kind.QUOTED_IDENT)
            throw new IllegalArgumentException("type expected");
        while (peek().kind() == Kind.WORD && TYPE_WORDS.contains(peek().text().toLowerCase(Locale.ROOT))) i++;
        if (peek().is("(")) {
            while (!accept(")")) i++;
        }
        while (peek().is("[") && peek(1).is("]")) i += 2;
        while (peek().kind() == Kind.WORD && TYPE_WORDS.contains(peek().text().toLowerCase(Locale.ROOT))) i++;
    }

    private Node primary() {
        Token k = t.get(i++);
        switch (k.kind()) {
            case STRING:
                return new Atom(k.canonical(style));
            case NUMBER:
                return new Atom(k.text());
            case QUOTED_IDENT:
                return qualified(k);
            case SYMBOL:
                if (k.text().equals("(")) {
                    Node inner = expression();
                    expect(")");
                    return inner;
                }
                if (k.text().equals("*")) return new Atom("*");
                throw new IllegalArgumentException("unexpected " + k.text());
            default:
                break;
        }
        String word = k.text().toLowerCase(Locale.ROOT);
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
        while (peek().is(".") && (peek(1).kind() == Kind.WORD || peek(1).kind() == Kind.QUOTED_IDENT)) {
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
