package dev.concertina.engine.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A type text split into its base words (lower case, single spaces, facets removed), its facet
 * arguments and whether it is an array ({@code text[]}).
 */
record TypeText(String base, List<String> args, List<String> modifiers, boolean array) {

    static TypeText parse(String raw) {
        String s = raw.trim();
        boolean array = false;
        while (s.endsWith("[]")) {
            array = true;
            s = s.substring(0, s.length() - 2).trim();
        }
        List<String> args = new ArrayList<>();
        String words = s;
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = matching(s, open);
            args = splitArgs(s.substring(open + 1, close));
            words = s.substring(0, open) + " " + s.substring(close + 1);
        }
        List<String> tokens =
                new ArrayList<>(List.of(words.trim().toLowerCase(Locale.ROOT).split("\\s+")));
        List<String> modifiers = new ArrayList<>();
        // Trailing attributes (MariaDB's "unsigned", "zerofill") are modifiers, not part of the name.
        while (!tokens.isEmpty()
                && (tokens.get(tokens.size() - 1).equals("unsigned")
                        || tokens.get(tokens.size() - 1).equals("zerofill")
                        || tokens.get(tokens.size() - 1).equals("signed"))) {
            modifiers.add(0, tokens.remove(tokens.size() - 1));
        }
        String base = String.join(" ", tokens).replace("\"", "");
        return new TypeText(base, List.copyOf(args), List.copyOf(modifiers), array);
    }

    private static int matching(String s, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (c == ')' && !quoted) return i;
        }
        return s.length() - 1;
    }

    private static List<String> splitArgs(String inner) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
                    cur.append("''");
                    i++;
                    continue;
                }
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || !out.isEmpty()) out.add(cur.toString().trim());
        return out;
    }

    OptionalInt intArg(int index) {
        if (index >= args.size()) return OptionalInt.empty();
        try {
            return OptionalInt.of(Integer.parseInt(args.get(index).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Quoted arguments ({@code 'A','B'}) without their quotes, {@code ''} unescaped. */
    List<String> stringArgs() {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            String v = a.trim();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'"))
                v = v.substring(1, v.length() - 1).replace("''", "'");
            out.add(v);
        }
        return out;
    }
}
