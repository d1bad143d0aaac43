package dev.concertina.rules;

/**
 * Reads one line of a rules file (or one command-line argument) left to right, keeping the position
 * for messages. Every error names the column where the unexpected text starts.
 */
final class Cursor {

    private static final int SHOWN = 30;

    private final String source;
    private final int line;
    private final String text;
    private final boolean comments;
    private int pos;

    /** {@code comments}: a rules-file line, where {@code #} starts a comment; else a command-line argument. */
    Cursor(String source, int line, String text, boolean comments) {
        this.source = source;
        this.line = line;
        this.text = text;
        this.comments = comments;
    }

    int pos() {
        return pos;
    }

    String text() {
        return text;
    }

    Origin origin(int at) {
        return new Origin(source, line, at + 1);
    }

    RulesException error(int at, String found, String expected) {
        return new RulesException(origin(at), found, expected);
    }

    /** An error at the current position, describing what stands there. */
    RulesException unexpected(String expected) {
        return error(pos, describe(pos), expected);
    }

    boolean atEnd() {
        return pos >= text.length() || comments && text.charAt(pos) == '#';
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    boolean peekIs(String s) {
        return !atEnd() && text.startsWith(s, pos);
    }

    void advance(int n) {
        pos += n;
    }

    /** Back to an earlier position, to report the word read there. */
    void advanceTo(int at) {
        pos = at;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    void skipSpaces() {
        while (pos < text.length() && isBlank(text.charAt(pos))) {
            pos++;
        }
    }

    /** At least one space, then skips the rest; used between the words of a line. */
    void requireSpace(String expected) {
        if (atEnd() || !isBlank(text.charAt(pos))) {
            throw unexpected(expected);
        }
        skipSpaces();
    }

    /** Nothing but spaces and a comment may follow. */
    void requireEnd(String expected) {
        skipSpaces();
        if (!atEnd()) {
            throw unexpected(expected);
        }
    }

    /** What stands at a position, for messages: {@code found end of line} or the next word in quotes. */
    String describe(int at) {
        if (at >= text.length() || comments && text.charAt(at) == '#') {
            return comments ? "found end of line" : "found the end of the argument";
        }
        if (isBlank(text.charAt(at))) {
            return "found a space";
        }
        return "found \"" + token(at) + "\"";
    }

    /** The text from a position to the next space, shortened for messages. */
    String token(int at) {
        int end = at;
        while (end < text.length() && !isBlank(text.charAt(end))) {
            end++;
        }
        String word = text.substring(at, end);
        return word.length() > SHOWN ? word.substring(0, SHOWN) + "..." : word;
    }

    /** A keyword: letters, digits and hyphens ({@code no-rename}); empty when none stands here. */
    String word() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-' && !peekArrow(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A keyword at the start of a line; the whole word up to the next space is what was "found". */
    String keyword() {
        int start = pos();
        String word = word();
        if (word.isEmpty() || !atEnd() && !isBlank(peek())) {
            return token(start);
        }
        return word;
    }

    private boolean peekArrow(int at) {
        return text.startsWith("->", at);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Characters that may end an unquoted name; anything else right after a name is an error. */
    private boolean isNameEnd(int at) {
        if (at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        return isBlank(c) || ".(),=".indexOf(c) >= 0 || comments && c == '#' || peekArrow(at);
    }

    /** A name pattern: a quoted name (exact case) or an unquoted one (any case), globs allowed. */
    Glob pattern(String what) {
        var raw = rawName(what, true);
        var problem = Glob.problem(raw.text);
        if (problem != null) {
            throw error(raw.columns[problem.index()], problem.found(), problem.expected());
        }
        return new Glob(raw.text, raw.quoted);
    }

    /** One exact name, as hints need it: no wildcards. */
    Name name(String what) {
        var raw = rawName(what, false);
        return new Name(raw.text, raw.quoted);
    }

    private record Raw(String text, boolean quoted, int[] columns) {}

    private Raw rawName(String what, boolean globs) {
        int start = pos;
        if (peek() == '"') {
            Str s = string("a closing '\"' after the name");
            if (s.value().isEmpty()) {
                throw error(start, "an empty quoted name \"\"", what);
            }
            return new Raw(s.value(), true, s.columns());
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isNameChar(c)) {
                pos++;
            } else if (c == '*' || c == '?' || c == ']') {
                if (!globs) {
                    throw error(pos, "wildcard \"" + c + "\" in a hint", "an exact name: a hint names one object");
                }
                pos++;
            } else if (c == '[') {
                if (!globs) {
                    throw error(pos, "wildcard \"[\" in a hint", "an exact name: a hint names one object");
                }
                pos = classEnd(pos);
            } else {
                break;
            }
        }
        if (pos == start) {
            throw unexpected(what);
        }
        if (!isNameEnd(pos)) {
            throw error(
                    pos,
                    "\"" + text.charAt(pos) + "\" in a name",
                    "letters, digits, _, $ or wildcards; write other names in double quotes");
        }
        int[] columns = new int[pos - start];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = start + i;
        }
        return new Raw(text.substring(start, pos), false, columns);
    }

    /** The position after the "]" closing the class opened at {@code open}; classes hold no spaces. */
    private int classEnd(int open) {
        int i = open + 1;
        if (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '^')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == ']') {
            i++;
        }
        while (i < text.length() && text.charAt(i) != ']' && !isBlank(text.charAt(i))) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != ']') {
            throw error(
                    open,
                    "\"[\" with no closing \"]\"",
                    "a closed character class such as [a-z], or [[] for a literal \"[\"");
        }
        return i + 1;
    }

    /** A double-quoted string's content and, per character, its column index in the line. */
    record Str(String value, int[] columns, int start) {}

    /** A double-quoted string; {@code ""} inside stands for one quote, as in SQL. */
    Str string(String expected) {
        int start = pos;
        if (peek() != '"') {
            throw unexpected(expected);
        }
        pos++;
        StringBuilder value = new StringBuilder();
        int[] columns = new int[text.length()];
        while (true) {
            if (pos >= text.length()) {
                throw error(
                        start,
                        "a quote with no closing quote",
                        "a closing '\"' on the same line (write \"\" for a quote inside)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    columns[value.length()] = pos;
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            columns[value.length()] = pos;
            value.append(c);
            pos++;
        }
        return new Str(value.toString(), java.util.Arrays.copyOf(columns, value.length()), start);
    }
}
