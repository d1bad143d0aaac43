package dev.concertina.rules;

import java.util.Arrays;
import java.util.Optional;

/** The parts of a column a column rule can silence while the column itself is still compared. */
public enum Aspect {
    TYPE("type"),
    NULLABLE("nullable"),
    DEFAULT("default"),
    /** Identity / auto-increment: how each database generates key values differs the most. */
    IDENTITY("identity"),
    COMMENT("comment");

    private final String keyword;

    Aspect(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<Aspect> fromKeyword(String word) {
        return Arrays.stream(values()).filter(a -> a.keyword.equals(word)).findFirst();
    }
}
