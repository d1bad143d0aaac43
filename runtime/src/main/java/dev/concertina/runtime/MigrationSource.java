package dev.concertina.runtime;

import dev.concertina.runtime.internal.ClassScanner;
import java.util.Comparator;
import java.util.List;

/** The migrations a piece of code carries: every {@link Revision} class under a package. */
public final class MigrationSource {

    private final List<ResolvedMigration> all;

    private MigrationSource(List<ResolvedMigration> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Finds every class carrying {@link Revision} in {@code packageName} and its subpackages, in
     * directories and jars on {@code loader}'s class path.
     *
     * @throws ConcertinaException (CONFIGURATION) when the package cannot be read; (INVALID_GRAPH)
     *         when a revision class is malformed (no no-argument constructor, not a Migration)
     */
    public static MigrationSource scan(ClassLoader loader, String packageName) {
        List<ResolvedMigration> found = ClassScanner.scan(loader, packageName).stream()
                .map(ResolvedMigration::of)
                .sorted(Comparator.comparing(ResolvedMigration::id))
                .toList();
        return new MigrationSource(found);
    }

    /** Migrations given directly (tests, or an application that lists its own). */
    public static MigrationSource of(List<ResolvedMigration> migrations) {
        return new MigrationSource(migrations);
    }

    /** Every migration found, sorted by id. */
    public List<ResolvedMigration> all() {
        return all;
    }
}
