package dev.concertina.bench.scale;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a plan in the {@code diff --format json} shape (docs/diff-json.md) against the planted
 * drift: each change is keyed by kind, table and name (case-insensitive, since H2 folds to upper
 * case); a split change, listed once per phase, counts once. Every open possible rename is a
 * false difference too (nothing planted looks like one).
 */
record Score(int expected, int found, List<String> missed, List<String> extra, int possibleRenames, int warnings) {

    private static final Pattern CHANGE = Pattern.compile(
            "\"kind\": \"([^\"]*)\",\\s*\"table\": \"((?:[^\"\\\\]|\\\\.)*)\",\\s*\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RENAME = Pattern.compile("\"confirm\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    static Score of(String planJson, List<Corpus.Expected> planted) {
        Set<String> want = new LinkedHashSet<>();
        planted.forEach(e -> want.add(e.key()));
        Set<String> got = new LinkedHashSet<>();
        Matcher m = CHANGE.matcher(planJson);
        while (m.find()) {
            got.add(m.group(1) + " " + m.group(2).toLowerCase(Locale.ROOT) + " " + m.group(3).toLowerCase(Locale.ROOT));
        }
        List<String> missed = new ArrayList<>();
        for (String w : want) if (!got.contains(w)) missed.add(w);
        List<String> extra = new ArrayList<>();
        for (String g : got) if (!want.contains(g)) extra.add(g);
        int renames = 0;
        Matcher r = RENAME.matcher(planJson);
        while (r.find()) {
            renames++;
            extra.add("possible rename: " + r.group(1));
        }
        int warnings = 0;
        int w = planJson.indexOf("\"warnings\": [");
        if (w >= 0) {
            String tail = planJson.substring(w + 13, Math.max(w + 13, planJson.indexOf(']', w)));
            warnings = tail.isBlank() ? 0 : tail.split("\",\\s*\"").length;
        }
        return new Score(want.size(), want.size() - missed.size(), missed, extra, renames, warnings);
    }

    boolean perfect() {
        return found == expected && extra.isEmpty();
    }

    String summary() {
        return found + "/" + expected + " found, " + extra.size() + " extra" + (perfect() ? " (exact)" : "");
    }

    String details(int limit) {
        StringBuilder s = new StringBuilder();
        missed.stream().limit(limit).forEach(x -> s.append("    missed: ").append(x).append('\n'));
        if (missed.size() > limit) s.append("    … ").append(missed.size() - limit).append(" more missed\n");
        extra.stream().limit(limit).forEach(x -> s.append("    extra:  ").append(x).append('\n'));
        if (extra.size() > limit) s.append("    … ").append(extra.size() - limit).append(" more extra\n");
        return s.toString();
    }
}
