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

    /** Indexes and constraints: named by {@code table.name} or by {@code table(col, ...)}. */
    public boolean belongsToTable() {
        return this != TABLE && this != SEQUENCE;
    }

    /** Kinds that may be named by their column list. */
    public boolean hasColumnList() {
        return this == INDEX || this == UNIQUE || this == FK || this == CHECK;
    }

    public static Optional<ObjectKind> fromKeyword(String word) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(word)).findFirst();
    }
}
