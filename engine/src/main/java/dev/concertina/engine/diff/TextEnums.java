package dev.concertina.engine.diff;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.Dialect;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An {@code @Enumerated(STRING)} attribute over a text column the database already has
 * (docs/planner.md, "An enum over a text column"): the entities assert the set of values, not
 * Hibernate's storage for them, so the database's VARCHAR or text type is kept and a check limits
 * it to the values. Applies only where the entity writes neither {@code length} nor
 * {@code columnDefinition}, the text type holds the longest value, and the check can be written
 * once for every database (an unquoted column name, enum constants as values).
 */
final class TextEnums {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_$]+");
    private static final Pattern IN_LIST = Pattern.compile(
            "^\\(*\\s*[\"`]?([A-Za-z_][A-Za-z0-9_$]*)[\"`]?\\s+in\\s*\\((.*)\\)\\s*\\)*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    /**
     * The check the entities' values need on the database's text column, and the database's own
     * enum-style check on that column if it has one ({@code existing}; the column is then
     * equivalent when its values are the same).
     */
    record TextEnum(CheckConstraint wanted, Optional<CheckConstraint> existing, boolean sameValues) {}

    private TextEnums() {}

    /** The text enum behind a type change from the database's text to the entities' ENUM, if it is one. */
    static Optional<TextEnum> of(Change.AlterColumn alter, Table current, Schema desired) {
        Column from = alter.from();
        Column to = alter.to();
        ColumnType text = from.type();
        ColumnType enumType = to.type();
        Origin origin = to.origin();
        if (enumType.kind() != TypeKind.ENUM
                || (text.kind() != TypeKind.VARCHAR && text.kind() != TypeKind.CLOB)
                || !text.modifiers().isEmpty()
                || !origin.fromEntity()
                || origin.declares(DeclaredAttribute.LENGTH)
                || origin.declares(DeclaredAttribute.COLUMN_DEFINITION)
                || desired.quotedNames().contains(to.name())) {
            return Optional.empty();
        }
        List<String> values = enumType.enumValues();
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        if (text.kind() == TypeKind.VARCHAR
                && text.length().isPresent()
                && text.length().getAsInt() < longest) {
            return Optional.empty();
        }
        Optional<String> expression = portableCheck(to.name(), values);
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        Optional<CheckConstraint> existing = current.checks().stream()
                .filter(c -> values(c.expression(), to.name()).isPresent())
                .findFirst();
        boolean same = existing.flatMap(c -> values(c.expression(), to.name()))
                .map(v -> v.equals(Set.copyOf(values)))
                .orElse(false);
        return Optional.of(new TextEnum(new CheckConstraint("", expression.get(), origin), existing, same));
    }

    /**
     * {@code status in ('A', 'B')}: the column unquoted in lower case, which every database folds to
     * the name Hibernate created it with (unquoted too); empty where that spelling would not reach
     * the column (mixed case, a reserved word) or a value is not a plain enum constant.
     */
    private static Optional<String> portableCheck(String column, List<String> values) {
        boolean oneCase =
                column.equals(column.toLowerCase(Locale.ROOT)) || column.equals(column.toUpperCase(Locale.ROOT));
        if (!PLAIN_NAME.matcher(column).matches()
                || !oneCase
                || values.isEmpty()
                || !values.stream().allMatch(v -> PLAIN_VALUE.matcher(v).matches())) {
            return Optional.empty();
        }
        String lower = column.toLowerCase(Locale.ROOT);
        String list = values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
        String expression = lower + " in " + list;
        // The canonical printer quotes a name that cannot stand bare (a reserved word): then it is not portable.
        String canonical = Normalizer.forDialect(Dialect.POSTGRES).check("\"" + lower + "\" in " + list);
        return canonical.equals(expression) ? Optional.of(expression) : Optional.empty();
    }

    /** The values of an enum-style check {@code column in ('A', 'B')} on {@code column}, or empty. */
    static Optional<Set<String>> values(String expression, String column) {
        Matcher in = IN_LIST.matcher(expression.trim());
        if (!in.matches() || !in.group(1).equalsIgnoreCase(column)) {
            return Optional.empty();
        }
        Matcher literal = LITERAL.matcher(in.group(2));
        Set<String> out = new HashSet<>();
        while (literal.find()) {
            out.add(literal.group(1).replace("''", "'"));
        }
        String rest = LITERAL.matcher(in.group(2)).replaceAll("").replaceAll("[\\s,]", "");
        return out.isEmpty() || !rest.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(out));
    }
}
