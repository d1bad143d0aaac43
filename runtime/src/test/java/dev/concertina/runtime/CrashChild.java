package dev.concertina.runtime;

import java.time.Duration;

/**
 * The process {@link CrashRecoveryTest} kills: runs {@code sync} of the crash fixtures against the
 * database named by its arguments (url, user, password), pausing where the system property
 * {@code concertina.test.pause} says. Exit 0 when sync finished, 3 when it failed.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) {
        MigratorConfig config = MigratorConfig.builder().url(args[0]).user(args[1]).password(args.length > 2 ? args[2] : "")
                .appliedBy("crash-child").lockTimeout(Duration.ofSeconds(30))
                .migrations(CrashChild.class.getClassLoader(), CrashRecoveryTest.FIXTURES).build();
        try (Migrator m = Migrator.open(config)) {
            m.sync(SyncScope.ALL);
        } catch (RuntimeException e) {
            System.err.println("crash child failed: " + e.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }
}
