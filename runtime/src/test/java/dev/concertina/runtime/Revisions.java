package dev.concertina.runtime;

import java.util.Optional;

/** Builds revisions for graph tests without writing a class for each. */
final class Revisions {

    private Revisions() {}

    static final Migration NOOP = ctx -> { };

    static ResolvedMigration expand(String id, String parent) {
        return rev(id, parent, Branch.EXPAND, "", "");
    }

    static ResolvedMigration contract(String id, String parent, String requires) {
        return rev(id, parent, Branch.CONTRACT, requires, "");
    }

    static ResolvedMigration rev(String id, String parent, Branch branch, String requires, String milestone) {
        return rev(id, parent, branch, requires, milestone, NOOP);
    }

    static ResolvedMigration rev(String id, String parent, Branch branch, String requires, String milestone, Migration migration) {
        return new ResolvedMigration(id, opt(parent), branch, opt(requires), opt(milestone), "", true, "test:" + id, migration);
    }

    private static Optional<String> opt(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
