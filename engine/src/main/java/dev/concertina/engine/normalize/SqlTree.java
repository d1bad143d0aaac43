package dev.concertina.engine.normalize;

import java.util.List;

/** The parsed form of an expression, and its canonical printing with parentheses only where precedence needs them. */
final class SqlTree {

    private SqlTree() {}

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

    // Binding strength, weakest first.
    private static final int OR = 1, AND = 2, NOT = 3, CMP = 4, CONCAT = 5, ADD = 6, MUL = 7, NEG = 8, ATOM = 9;

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
