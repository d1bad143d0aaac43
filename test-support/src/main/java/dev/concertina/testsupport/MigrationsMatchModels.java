package dev.concertina.testsupport;

import dev.concertina.api.Concertina;
import dev.concertina.api.Configuration;
import dev.concertina.api.Drift;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;

/**
 * A drift check of an application's migrations against its entities, both found on the test's own
 * class path: the migrations run on a scratch database (a private H2 in memory unless
 * {@link #onScratchDatabase} names another, which must be empty) and the schema they build is
 * compared with the entities' schema for that database, with an optional rules file applied to both
 * sides. Immutable: each {@code with…} returns a new check.
 *
 * <pre>{@code
 * @Test
 * void migrationsMatchTheEntities() {
 *     ConcertinaAssertions.migrationsMatchModels("com.example.shop.migrations", "com.example.shop.model")
 *             .withRules(Path.of("concertina.ignore"))
 *             .assertMatch();
 * }
 * }</pre>
 */
public final class MigrationsMatchModels {

    private final String migrationsPackage;
    private final List<String> entityPackages;
    private final Optional<Path> rules;
    private final Optional<String[]> scratch;
    private final ClassLoader loader;

    private MigrationsMatchModels(
            String migrationsPackage,
            List<String> entityPackages,
            Optional<Path> rules,
            Optional<String[]> scratch,
            ClassLoader loader) {
        this.migrationsPackage = Objects.requireNonNull(migrationsPackage, "migrationsPackage");
        this.entityPackages = List.copyOf(entityPackages);
        this.rules = rules;
        this.scratch = scratch;
        this.loader = loader;
        if (this.entityPackages.isEmpty()) {
            throw new IllegalArgumentException("at least one entity package is needed");
        }
    }

    static MigrationsMatchModels of(String migrationsPackage, String... entityPackages) {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return new MigrationsMatchModels(
                migrationsPackage,
                List.of(entityPackages),
                Optional.empty(),
                Optional.empty(),
                l != null ? l : MigrationsMatchModels.class.getClassLoader());
    }

    /** The rules file (docs/ignore-rules.md) for deliberate differences. */
    public MigrationsMatchModels withRules(Path rulesFile) {
        return new MigrationsMatchModels(migrationsPackage, entityPackages, Optional.of(rulesFile), scratch, loader);
    }

    /** Runs the migrations on this (empty) database instead of H2 in memory; the models are read for its dialect. */
    public MigrationsMatchModels onScratchDatabase(String url, String user, String password) {
        return new MigrationsMatchModels(
                migrationsPackage, entityPackages, rules, Optional.of(new String[] {url, user, password}), loader);
    }

    /** Finds migrations and entities through this class loader instead of the thread's context loader. */
    public MigrationsMatchModels withClassLoader(ClassLoader classLoader) {
        return new MigrationsMatchModels(migrationsPackage, entityPackages, rules, scratch, classLoader);
    }

    /** Runs the check and returns its result, for tests that want to look at the differences themselves. */
    public Drift.Result check() {
        Configuration config = Concertina.configure()
                .migrationsPackage(migrationsPackage)
                .migrationsClassLoader(loader)
                .entityPackages(entityPackages)
                .entityClassLoader(loader);
        if (rules.isPresent()) {
            config = config.rulesFile(rules.get());
        }
        if (scratch.isPresent()) {
            config = config.scratchDatabase(scratch.get()[0], scratch.get()[1], scratch.get()[2]);
        }
        return config.load().drift();
    }

    /** Fails with the list of differences when the migrations do not build the models' schema. */
    public void assertMatch() {
        Drift.Result result = check();
        if (result.drifted()) {
            Assertions.fail(result.report()
                    + "\nwrite the missing migration with: concertina revision --autogenerate -m \"...\"");
        }
    }
}
