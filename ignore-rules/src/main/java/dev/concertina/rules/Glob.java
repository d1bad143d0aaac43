package dev.concertina.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A name pattern: {@code *} matches any run of characters (also none), {@code ?} one character,
 * {@code [abc]} / {@code [a-z]} one character of the class and {@code [!a-z]} (or {@code [^a-z]})
 * one character outside it; a {@code ]} right after {@code [} or {@code [!} belongs to the class.
 * Every other character stands for itself. Unless {@code exact}, letters match either case, because
 * databases fold unquoted names (PostgreSQL to lower case, H2 to upper case).
 *
 * @param text  the pattern without quotes
 * @param exact true when written in double quotes: letters must match in case too
 */
public record Glob(String text, boolean exact) {

    public Glob {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty name pattern");
        }
        var problem = Glob.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "name pattern " + text + ": " + problem.found() + "; expected " + problem.expected());
        }
    }

    /** A case-insensitive pattern, as written without quotes. */
    public static Glob of(String text) {
        return new Glob(text, false);
    }

    /** True when the pattern has no wildcard and no class: it names one object. */
    public boolean isLiteral() {
        return atoms(text).stream().allMatch(a -> a instanceof Literal);
    }

    public boolean matches(String name) {
        Objects.requireNonNull(name, "name");
        List<Atom> atoms = atoms(text);
        int[] cps = name.codePoints().toArray();
        // Linear wildcard matching: on a mismatch, let the last star swallow one more character.
        int p = 0;
        int n = 0;
        int starAtom = -1;
        int starName = 0;
        while (n < cps.length) {
            if (p < atoms.size() && atoms.get(p) instanceof Star) {
                starAtom = p++;
                starName = n;
            } else if (p < atoms.size() && atoms.get(p).matches(cps[n], exact)) {
                p++;
                n++;
            } else if (starAtom >= 0) {
                p = starAtom + 1;
                n = ++starName;
            } else {
                return false;
            }
        }
        while (p < atoms.size() && atoms.get(p) instanceof Star) {
            p++;
        }
        return p == atoms.size();
    }

    /** The pattern as it is written in a rules file: quoted (with {@code ""} for a quote) when exact. */
    @Override
    public String toString() {
        return exact ? Name.quote(text) : text;
    }

    /** A syntax problem at a character index of the pattern text. */
    record Problem(int index, String found, String expected) {}

    /** The first syntax problem in a pattern, or null when it is well formed. */
    static Problem problem(String text) {
        try {
            atoms(text);
            return null;
        } catch (Malformed e) {
            return e.problem;
        }
    }

    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Malformed(Problem problem) {
            super(problem.found(), null, false, false);
            this.problem = problem;
        }
    }

    private sealed interface Atom permits Literal, Any, Star, CharClass {
        boolean matches(int cp, boolean exact);
    }

    private record Literal(int cp) implements Atom {
        @Override
        public boolean matches(int c, boolean exact) {
            return c == cp || !exact && sameIgnoringCase(c, cp);
        }
    }

    private record Any() implements Atom {
        @Override
        public boolean matches(int c, boolean exact) {
            return true;
        }
    }

    private record Star() implements Atom {
        @Override
        public boolean matches(int c, boolean exact) {
            return true;
        }
    }

    private record CharClass(boolean negated, List<int[]> ranges) implements Atom {
        @Override
        public boolean matches(int c, boolean exact) {
            boolean in =
                    contains(c) || !exact && (contains(Character.toLowerCase(c)) || contains(Character.toUpperCase(c)));
            return in != negated;
        }

        private boolean contains(int c) {
            for (int[] r : ranges) {
                if (c >= r[0] && c <= r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean sameIgnoringCase(int a, int b) {
        return Character.toUpperCase(a) == Character.toUpperCase(b)
                || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    private static List<Atom> atoms(String text) {
        int[] cps = text.codePoints().toArray();
        // index in the String (chars) of each code point, for error positions
        int[] at = new int[cps.length + 1];
        for (int i = 0, ci = 0; i < cps.length; i++) {
            at[i] = ci;
            ci += Character.charCount(cps[i]);
            at[i + 1] = ci;
        }
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (c == '*') {
                if (atoms.isEmpty() || !(atoms.get(atoms.size() - 1) instanceof Star)) {
                    atoms.add(new Star());
                }
                i++;
            } else if (c == '?') {
                atoms.add(new Any());
                i++;
            } else if (c == ']') {
                throw new Malformed(new Problem(
                        at[i],
                        "\"]\" with no opening \"[\"",
                        "a character class such as [a-z], or []] for a literal \"]\""));
            } else if (c == '[') {
                int open = i;
                i++;
                boolean negated = i < cps.length && (cps[i] == '!' || cps[i] == '^');
                if (negated) {
                    i++;
                }
                List<int[]> ranges = new ArrayList<>();
                boolean first = true;
                while (i < cps.length && (cps[i] != ']' || first)) {
                    int lo = cps[i];
                    if (i + 2 < cps.length && cps[i + 1] == '-' && cps[i + 2] != ']') {
                        int hi = cps[i + 2];
                        if (hi < lo) {
                            throw new Malformed(new Problem(
                                    at[i],
                                    "the range " + new String(cps, i, 3) + " running backwards",
                                    "a range from low to high such as " + new String(new int[] {hi, '-', lo}, 0, 3)));
                        }
                        ranges.add(new int[] {lo, hi});
                        i += 3;
                    } else {
                        ranges.add(new int[] {lo, lo});
                        i++;
                    }
                    first = false;
                }
                if (i >= cps.length) {
                    throw new Malformed(new Problem(
                            at[open],
                            "\"[\" with no closing \"]\"",
                            "a closed character class such as [a-z], or [[] for a literal \"[\""));
                }
                i++; // the closing ]
                atoms.add(new CharClass(negated, List.copyOf(ranges)));
            } else {
                atoms.add(new Literal(c));
                i++;
            }
        }
        return atoms;
    }
}
