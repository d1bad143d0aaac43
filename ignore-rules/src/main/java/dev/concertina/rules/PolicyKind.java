package dev.concertina.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@code [policy]} line decides about: a kind of thing the database may have that the
 * entities do not write (docs/ignore-rules.md, "Policies").
 */
public enum PolicyKind {
    /** An index the entities do not declare on a table that declares none. */
    INDEX("index"),
    /** A unique constraint the entities do not declare. */
    UNIQUE("unique"),
    /** A check constraint the entities do not declare. */
    CHECK("check"),
    /** A foreign key the mapping does not imply. */
    FK("fk"),
    /** NOT NULL on a column whose entity leaves {@code nullable} at JPA's default. */
    NOT_NULL("not-null"),
    /** A database default on a column whose entity writes none. */
    DEFAULT("default"),
    /** A wider type than a length, precision or scale the entity leaves at JPA's default. */
    TYPE("type"),
    /** Other migration tools' bookkeeping tables (Liquibase, Flyway, Alembic, sqlalchemy-migrate). */
    TOOL_TABLES("tool-tables"),
    /** A table no entity maps that predates Concertina (not under version control, or adopted). */
    TABLE("table"),
    /** A table or column comment the entities do not write ({@code @Comment}). */
    COMMENT("comment");

    private final String keyword;

    PolicyKind(String keyword) {
        this.keyword = keyword;
    }

    /** As written in the rules file: {@code index}, {@code not-null}, … */
    public String keyword() {
        return keyword;
    }

    static Optional<PolicyKind> fromKeyword(String word) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(word)).findFirst();
    }

    static String keywords() {
        return Arrays.stream(values()).map(PolicyKind::keyword).collect(Collectors.joining(", "));
    }
}
