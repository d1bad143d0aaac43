package dev.concertina.runtime.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** What one SQL statement is, read from its first keyword (after comments and opening brackets). */
enum StatementKind {
    READ,
    SESSION,
    DML,
    DDL;

    private static final Pattern READ_WORD =
            Pattern.compile("^(SELECT|WITH|VALUES|SHOW|EXPLAIN|DESCRIBE|DESC|TABLE)\\b");
    private static final Pattern SESSION_WORD = Pattern.compile("^(SET|RESET)\\b(?!\\s+STATEMENT\\b)");
    private static final Pattern DML_WORD = Pattern.compile("^(INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT)\\b");

    static StatementKind of(String sql) {
        String s = stripLeadingComments(sql).toUpperCase(Locale.ROOT);
        if (READ_WORD.matcher(s).find()) {
            return READ;
        }
        if (SESSION_WORD.matcher(s).find()) {
            return SESSION;
        }
        return DML_WORD.matcher(s).find() ? DML : DDL;
    }

    private static String stripLeadingComments(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("/*") || s.startsWith("--") || s.startsWith("(")) {
            if (s.startsWith("(")) {
                s = s.substring(1).stripLeading();
            } else if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
            } else {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).stripLeading();
            }
        }
        return s;
    }
}
