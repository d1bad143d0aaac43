package dev.concertina.rules;

import java.util.Objects;

/**
 * One {@code [policy]} line: for one kind of database-only object, whether Concertina keeps it
 * (the default) or follows the entities, which then plan its removal.
 * Written {@code index follow-entities reason "every index we want is declared with @Index"}.
 *
 * @param followEntities true for {@code follow-entities}, false for {@code keep}
 */
public record Policy(PolicyKind kind, boolean followEntities, String reason, Origin origin, String text) {

    /** The keyword of each decision. */
    static final String KEEP = "keep";

    static final String FOLLOW_ENTITIES = "follow-entities";

    public Policy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
