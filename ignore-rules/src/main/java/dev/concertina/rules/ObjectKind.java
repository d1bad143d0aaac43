package dev.concertina.rules;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of schema object a rule can name; {@link #keyword()} is how the rules file spells each. */
public enum ObjectKind {
    TABLE("table"),
    COLUMN("column"),
    INDEX("index"),
    UNIQUE("unique"),
    FK("fk"),
    CHECK("check"),
    SEQUENCE("sequence");

    private final String keyword;

    ObjectKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<ObjectKind> fromKeyword(String word) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(word)).findFirst();
    }
}
