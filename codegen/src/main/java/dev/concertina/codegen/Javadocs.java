package dev.concertina.codegen;

/**
 * Makes text from plans and users safe inside generated comments. javac reads unicode escapes
 * ({@code \u000a}) even in comments, and a {@code *}{@code /} would end a Javadoc; HTML
 * characters and {@code @} would be read as markup or block tags.
 */
final class Javadocs {

    private Javadocs() {}

    /** Text for a Javadoc paragraph: one line, HTML-escaped. */
    static String html(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '<':
                    s.append("&lt;");
                    break;
                case '>':
                    s.append("&gt;");
                    break;
                case '&':
                    s.append("&amp;");
                    break;
                case '@':
                    s.append("&#64;");
                    break;
                case '\\':
                    s.append("&#92;");
                    break;
                case '*':
                    s.append("&#42;");
                    break;
                case '$':
                    s.append("&#36;");
                    break;
                default:
                    s.append(c);
            }
        }
        return s.toString();
    }

    /** Text for a {@code //} comment: one line, no backslashes (unicode escapes) left. */
    static String comment(String text) {
        // A doubled backslash can never start a unicode escape.
        return oneLine(text).replace("\\", "\\\\");
    }

    /** Control characters and line breaks become spaces. */
    static String oneLine(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            s.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return s.toString().strip();
    }
}
