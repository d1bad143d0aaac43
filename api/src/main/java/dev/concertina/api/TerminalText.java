package dev.concertina.api;

/**
 * Text from files and databases made safe to show on a terminal: control characters (which could
 * move the cursor, recolour or retitle it: ESC, CSI, BEL, carriage return, …) written as
 * {@code \x1b}-style escapes, and overlong values shortened, saying by how much.
 */
public final class TerminalText {

    /** How much of a value from a file or a database a one-line message quotes. */
    public static final int VALUE_LIMIT = 120;

    private TerminalText() {}

    /** {@code s} with every control character but newline and tab escaped. */
    public static String escaped(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format("\\x%02x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@code s} escaped, cut to {@code limit} characters with {@code … (N more characters)} after. */
    public static String shortened(String s, int limit) {
        String e = escaped(s);
        if (e.length() <= limit) {
            return e;
        }
        int cut = limit;
        if (Character.isHighSurrogate(e.charAt(cut - 1))) {
            cut--;
        }
        return e.substring(0, cut) + "… (" + (e.length() - cut) + " more characters)";
    }

    /** A value from a file or a database inside a one-line message: escaped, at most {@link #VALUE_LIMIT} characters. */
    public static String value(String s) {
        return shortened(s, VALUE_LIMIT);
    }
}
