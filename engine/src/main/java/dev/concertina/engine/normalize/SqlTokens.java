package dev.concertina.engine.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expression's text into words, quoted identifiers, strings, numbers and symbols. */
final class SqlTokens {

    private SqlTokens() {}

    /** What a token is. */
    enum Kind {
        WORD,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        SYMBOL
    }

    /** One token; a quoted identifier or string without its quotes, escapes resolved. */
    record Token(Kind kind, String text) {
        String canonical(SqlStyle style) {
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

    /** The tokens of {@code sql}; never fails: an unknown character is a one-character symbol. */
    static List<Token> tokenize(String sql, SqlStyle.Quoting quoting) {
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
                    } else if (d == '\\' && quoting == SqlStyle.Quoting.BACKTICK && i + 1 < n) {
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
            } else if ((c == '"' && quoting == SqlStyle.Quoting.DOUBLE_QUOTE)
                    || (c == '`' && quoting == SqlStyle.Quoting.BACKTICK)) {
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
}
