package dev.concertina.entities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A column's DDL text split into its type and the clauses after it. Hibernate writes an explicit
 * {@code @Column(columnDefinition = "varchar(17) default 'zz' not null")} into the DDL verbatim in
 * place of the type, so the default and nullability it carries reach the database even though the
 * metamodel does not know them.
 *
 * <p>Recognised clauses: {@code default <expr>}, {@code not null}, {@code null}; anything else
 * after the type ({@code collate …}, {@code check …}) ends the type and is ignored here.
 */
record ColumnDefinition(String type, Optional<String> defaultValue, boolean notNull) {

    /** Words that start a clause after the type (MariaDB's "character set" too). */
    private static final Set<String> CLAUSES = Set.of(
            "default",
            "not",
            "null",
            "check",
            "unique",
            "primary",
            "references",
            "generated",
            "auto_increment",
            "comment",
            "collate",
            "constraint",
            "on",
            "as",
            "character",
            "charset");

    static ColumnDefinition split(String text) {
        List<String> tokens = tokens(text);
        int typeEnd = tokens.size();
        for (int i = 1; i < tokens.size(); i++) {
            if (CLAUSES.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                typeEnd = i;
                break;
            }
        }
        if (typeEnd == tokens.size()) {
            return new ColumnDefinition(text.trim(), Optional.empty(), false);
        }
        String type = String.join(" ", tokens.subList(0, typeEnd));
        Optional<String> def = Optional.empty();
        boolean notNull = false;
        for (int i = typeEnd; i < tokens.size(); i++) {
            String w = tokens.get(i).toLowerCase(Locale.ROOT);
            if (w.equals("default")) {
                int j = i + 1;
                List<String> expr = new ArrayList<>();
                while (j < tokens.size() && !CLAUSES.contains(tokens.get(j).toLowerCase(Locale.ROOT))) {
                    expr.add(tokens.get(j++));
                }
                // "default null" is a default of NULL, i.e. none.
                if (expr.isEmpty() && j < tokens.size() && tokens.get(j).equalsIgnoreCase("null")) {
                    j++;
                }
                def = expr.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", expr));
                i = j - 1;
            } else if (w.equals("not")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).equalsIgnoreCase("null")) {
                notNull = true;
                i++;
            }
        }
        return new ColumnDefinition(type, def, notNull);
    }

    /** Whitespace-separated tokens; quoted strings and parenthesised groups stay whole and glued to what precedes them. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        cur.append(text.charAt(++i));
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '(') {
                depth++;
                cur.append(c);
            } else if (c == ')') {
                depth--;
                cur.append(c);
            } else if (Character.isWhitespace(c) && depth == 0) {
                // "varchar (17)" keeps its facets with the name
                int k = i;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) k++;
                if (k < text.length() && text.charAt(k) == '(' && cur.length() > 0) {
                    i = k - 1;
                    continue;
                }
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
