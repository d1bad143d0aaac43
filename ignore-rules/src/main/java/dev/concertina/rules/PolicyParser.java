package dev.concertina.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code [policy]} lines of a rules file: {@code <kind> keep|follow-entities reason "<why>"},
 * at most one per kind (docs/ignore-rules.md, "Policies").
 */
final class PolicyParser {

    private static final String DECISIONS = Policy.KEEP + " or " + Policy.FOLLOW_ENTITIES;

    private final List<Policy> policies = new ArrayList<>();

    void line(Cursor c) {
        int start = c.pos();
        String word = c.word();
        PolicyKind kind = PolicyKind.fromKeyword(word)
                .orElseThrow(() -> c.error(
                        start,
                        word.isEmpty() ? c.describe(start) : "unknown policy kind \"" + word + "\"",
                        "a policy kind: " + PolicyKind.keywords()));
        for (Policy earlier : policies) {
            if (earlier.kind() == kind) {
                throw c.error(
                        start,
                        "a second policy for " + kind.keyword(),
                        "one policy per kind (the first is at " + earlier.origin() + ")");
            }
        }
        c.requireSpace("a space and " + DECISIONS + " after \"" + kind.keyword() + "\"");
        int decisionAt = c.pos();
        String decision = c.word();
        if (!decision.equals(Policy.KEEP) && !decision.equals(Policy.FOLLOW_ENTITIES)) {
            throw c.error(
                    decisionAt,
                    decision.isEmpty() ? c.describe(decisionAt) : "unknown decision \"" + decision + "\"",
                    DECISIONS);
        }
        c.requireSpace("a space and reason \"<why>\"");
        int reasonAt = c.pos();
        if (!c.word().equals("reason")) {
            c.advanceTo(reasonAt);
            if (c.atEnd()) {
                throw c.error(reasonAt, "a policy with no reason", "reason \"<why the team decides so>\"");
            }
            throw c.unexpected("reason \"<why the team decides so>\"");
        }
        c.requireSpace("a space and a quoted reason after \"reason\"");
        Cursor.Str reason = c.string("a quoted reason such as reason \"every index we want is declared\"");
        if (reason.value().isBlank()) {
            throw c.error(reason.start(), "an empty reason", "a reason saying why the team decides so");
        }
        c.requireEnd("end of line after the reason (comments start with #)");
        policies.add(new Policy(
                kind,
                decision.equals(Policy.FOLLOW_ENTITIES),
                reason.value().strip(),
                c.origin(start),
                c.text().substring(start, c.pos()).strip()));
    }

    List<Policy> policies() {
        return List.copyOf(policies);
    }
}
