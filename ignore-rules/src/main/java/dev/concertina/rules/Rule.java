package dev.concertina.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the ignore section.
 *
 * @param kind    what kind of object the rule names
 * @param target  the name pattern or column list
 * @param aspects for a column rule written with {@code only}: the aspects it silences; empty when the
 *                rule ignores the whole object
 * @param reason  why the difference is deliberate (mandatory, never blank)
 * @param origin  file, line and column where the rule starts
 * @param text    the line as written, without its trailing comment, for messages (stale rules)
 */
public record Rule(ObjectKind kind, Target target, Set<Aspect> aspects, String reason, Origin origin, String text) {

    public Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        aspects = aspects.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(aspects));
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rule needs a reason");
        }
        if (!aspects.isEmpty() && kind != ObjectKind.COLUMN) {
            throw new IllegalArgumentException("aspects apply to column rules only");
        }
        boolean fits = switch (kind) {
            case TABLE, SEQUENCE -> target instanceof Target.Single;
            case COLUMN -> target instanceof Target.Member;
            case INDEX, UNIQUE, FK, CHECK -> !(target instanceof Target.Single);
        };
        if (!fits) {
            throw new IllegalArgumentException(kind.keyword() + " rule cannot name " + target);
        }
    }

    /** True when the rule ignores the object as a whole (no {@code only} list). */
    public boolean wholeObject() {
        return aspects.isEmpty();
    }

    /** {@code concertina.ignore:7}: the file and line, for a stale-rule report. */
    public String location() {
        return origin.source() + ":" + origin.line();
    }
}
