package dev.concertina.engine.normalize;

import dev.concertina.runtime.Dialect;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How a dialect's expression text quotes identifiers and folds unquoted ones ({@link SqlExpression}). */
record SqlStyle(SqlStyle.Quoting quoting, Dialect.IdentifierCase unquotedCase) {

    /** The identifier quote character of the dialect's expression text. */
    enum Quoting {
        /** {@code "name"} (H2, PostgreSQL). */
        DOUBLE_QUOTE,
        /** {@code `name`} (MariaDB, MySQL); string literals may also use backslash escapes. */
        BACKTICK
    }

    /**
     * An identifier as it is to be printed: bare and lower case where that names the same column (a
     * plain, non-reserved word in the folded case), otherwise quoted with its exact spelling.
     */
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
}
