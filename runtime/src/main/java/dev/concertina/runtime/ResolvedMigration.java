package dev.concertina.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;

/**
 * One revision as found in code: its {@link Revision} metadata and a way to run it.
 *
 * @param id          the revision id
 * @param parent      the previous revision in the same branch; empty for the root
 * @param branch      expand or contract
 * @param requires    for contract: the expand revision it needs
 * @param milestone   the release milestone it carries, if any
 * @param message     one line saying what it does (may be empty)
 * @param transactional whether it may run inside a transaction
 * @param source      where it came from (the class name), for messages
 * @param migration   the instance to run
 */
public record ResolvedMigration(
        String id,
        Optional<String> parent,
        Branch branch,
        Optional<String> requires,
        Optional<String> milestone,
        String message,
        boolean transactional,
        String source,
        Migration migration) {

    public ResolvedMigration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(migration, "migration");
    }

    /**
     * Reads a migration class: its {@link Revision} annotation and its public no-argument constructor.
     *
     * @throws ConcertinaException (INVALID_GRAPH) naming the class when it lacks either or is not a {@link Migration}
     */
    public static ResolvedMigration of(Class<?> type) {
        Revision r = type.getAnnotation(Revision.class);
        if (r == null) {
            throw new ConcertinaException(
                    ErrorCode.INVALID_GRAPH, "class " + type.getName() + " has no @Revision annotation");
        }
        if (!Migration.class.isAssignableFrom(type)) {
            throw new ConcertinaException(
                    ErrorCode.INVALID_GRAPH,
                    "class " + type.getName() + " carries @Revision(id = \"" + r.id() + "\") but does not implement "
                            + Migration.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new ConcertinaException(
                    ErrorCode.INVALID_GRAPH, "class " + type.getName() + " carries @Revision but is abstract");
        }
        Migration instance;
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            instance = (Migration) c.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConcertinaException(
                    ErrorCode.INVALID_GRAPH,
                    "class " + type.getName() + " (revision " + r.id() + ") needs a no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConcertinaException(
                    ErrorCode.INVALID_GRAPH,
                    "class " + type.getName() + " (revision " + r.id() + ") cannot be created: " + cause,
                    cause);
        }
        return of(r, type.getName(), instance);
    }

    /** A migration from explicit metadata (tests, or migrations built without reflection). */
    public static ResolvedMigration of(Revision r, String source, Migration migration) {
        return new ResolvedMigration(
                r.id().trim(),
                nonEmpty(r.parent()),
                r.branch(),
                nonEmpty(r.requires()),
                nonEmpty(r.milestone()),
                r.message(),
                r.transactional(),
                source,
                migration);
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    /** Whether the migration has its own {@link Migration#downgrade} (the default one refuses). */
    public boolean canDowngrade() {
        try {
            return migration
                            .getClass()
                            .getMethod("downgrade", MigrationContext.class)
                            .getDeclaringClass()
                    != Migration.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code 3f2a9c (add person.display_name)}, or the id alone when there is no message. */
    public String describe() {
        return message.isEmpty() ? id : id + " (" + message + ")";
    }

    /**
     * The checksum of what this migration does on {@code dialect}: a SHA-256 over the SQL its
     * upgrade and downgrade issue against a recording connection (docs/runtime.md, "Checksums").
     */
    public String checksum(Dialect dialect) {
        return dev.concertina.runtime.internal.Checksums.of(this, dialect);
    }

    @Override
    public String toString() {
        return branch.label() + " " + describe();
    }
}
