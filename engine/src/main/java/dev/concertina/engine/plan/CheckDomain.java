package dev.concertina.engine.plan;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values one column may take under a CHECK of the shapes Hibernate writes for enums:
 * {@code status in ('A','B')} (STRING) or {@code status >= 0 and status <= 2} (ORDINAL; the
 * canonical form of {@code between}). A range has no {@code values}.
 */
record CheckDomain(String column, Set<String> values, long low, long high) {
    private static final Pattern IN = Pattern.compile(
            "^\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s+in\\s*\\((.*)\\)\\s*\\)*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RANGE = Pattern.compile(
            "^\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*>=\\s*(-?[0-9]+)\\s+and\\s+"
                    + "\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*<=\\s*(-?[0-9]+)\\s*\\)*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'|(-?[0-9]+)");

    static Optional<CheckDomain> parse(String expression) {
        String trimmed = expression.trim();
        Matcher range = RANGE.matcher(trimmed);
        if (range.matches() && range.group(1).equalsIgnoreCase(range.group(3))) {
            return Optional.of(new CheckDomain(
                    range.group(1), Set.of(), Long.parseLong(range.group(2)), Long.parseLong(range.group(4))));
        }
        Matcher in = IN.matcher(trimmed);
        if (!in.matches()) {
            return Optional.empty();
        }
        Set<String> values = new HashSet<>();
        Matcher value = VALUE.matcher(in.group(2));
        while (value.find()) {
            values.add(value.group(1) != null ? value.group(1).replace("''", "'") : value.group(2));
        }
        return values.isEmpty()
                ? Optional.empty()
                : Optional.of(new CheckDomain(in.group(1), Set.copyOf(values), 0, -1));
    }

    boolean isRange() {
        return values.isEmpty();
    }

    /** True when every value allowed by {@code other} is allowed here. */
    boolean containsAll(CheckDomain other) {
        if (isRange() != other.isRange()) {
            return false;
        }
        return isRange() ? low <= other.low && high >= other.high : values.containsAll(other.values);
    }
}
