package dev.concertina.runtime.expand;

/** The {@value Conversion#PLACEHOLDER} substitution of SQL conversion templates. */
final class Templates {

    private Templates() {}

    /**
     * Replaces every {@value Conversion#PLACEHOLDER} outside '…' strings, "…" and `…` identifiers
     * with {@code source}, so a literal such as {@code '{}'::jsonb} stays as written.
     */
    static String substitute(String template, String source) {
        StringBuilder out = new StringBuilder(template.length() + source.length());
        char quote = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (quote != 0) {
                // A doubled quote ('') toggles twice, which leaves us inside the literal as it should.
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                out.append(c);
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append(source);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
