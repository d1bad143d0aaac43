package dev.concertina.api;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.RulesFilter;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.ChangeWords;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.Rule;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.SyncScope;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keystone's models-vs-migrations sync test: runs every migration (expand, then contract) on an
 * empty scratch database, reads the schema they built, and compares it with the schema the models
 * describe for that database, with the rules file applied to both sides. Renames do not matter
 * here: any difference is drift.
 */
public final class Drift {

    /** The scratch database used when none is given: a private H2 in-memory database. */
    public static String defaultScratchUrl() {
        return "jdbc:h2:mem:concertina_scratch_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * @param changes    what the migrations would still need to match the models; empty when they agree
     * @param staleRules rules that matched nothing on either side
     * @param scratch    where the migrations ran, for messages ({@code h2 in memory} or the URL without password)
     */
    public record Result(List<Change> changes, List<Rule> staleRules, String scratch) {

        public Result {
            changes = List.copyOf(changes);
            staleRules = List.copyOf(staleRules);
            Objects.requireNonNull(scratch, "scratch");
        }

        public boolean drifted() {
            return !changes.isEmpty();
        }

        /** One line per difference, as a change the migrations are missing. */
        public List<String> differences() {
            return changes.stream().map(ChangeWords::describe).toList();
        }

        /** A readable report of the differences, one per line, for assertion messages and the CLI. */
        public String report() {
            return "the models and the schema the migrations build (" + scratch + ") disagree; "
                    + changes.size() + (changes.size() == 1 ? " difference" : " differences")
                    + " (what a new migration would have to do):"
                    + changes.stream()
                            .map(c -> "\n  " + ChangeWords.describe(c))
                            .collect(Collectors.joining());
        }
    }

    private Drift() {}

    /**
     * Runs the migrations of {@code migrations} on the scratch database {@code scratchUrl} and
     * compares with {@code models}. The scratch database must hold no tables and no sequences
     * (Concertina's own included); whatever the migrations create there is dropped again when the
     * check ends, whether it passed, found drift or failed. An {@code jdbc:h2:mem:} one is created
     * and vanishes here.
     *
     * @throws ConcertinaException (CONFIGURATION) when the scratch database is not empty; the
     *         migrations' and the models' own errors otherwise
     */
    public static Result check(
            MigrationSource migrations,
            EntitySource models,
            IgnoreRules rules,
            String scratchUrl,
            String user,
            String password) {
        boolean memory = scratchUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:mem:");
        String where = memory ? "H2 in memory" : LiveDatabase.safeUrl(scratchUrl);
        // The reading connection is opened first: it keeps an in-memory database alive while the
        // migrator uses its own connection, and the database vanishes when it closes.
        try (LiveDatabase scratch = LiveDatabase.open(scratchUrl, user, password)) {
            ScratchObjects before = ScratchObjects.of(scratch);
            if (before.holdsData()) {
                // Never dropped: they may be someone's data, and the clean-up only removes what the check made.
                List<String> names = new java.util.ArrayList<>(before.tables());
                names.addAll(before.sequences());
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "scratch database " + where + " is not empty ("
                                + names.size()
                                + (names.size() == 1 ? " table or sequence: " : " tables and sequences: ")
                                + names.stream().limit(5).collect(Collectors.joining(", "))
                                + (names.size() > 5 ? ", …" : "")
                                + "): the drift check needs an empty database it may fill and clean up again");
            }
            Result result;
            try {
                result = run(scratch, migrations, models, rules, scratchUrl, user, password, where);
            } catch (RuntimeException e) {
                try {
                    ScratchObjects.dropAllBut(scratch, before, where);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            ScratchObjects.dropAllBut(scratch, before, where);
            return result;
        }
    }

    private static Result run(
            LiveDatabase scratch,
            MigrationSource migrations,
            EntitySource models,
            IgnoreRules rules,
            String scratchUrl,
            String user,
            String password,
            String where) {
        MigratorConfig config = MigratorConfig.builder()
                .url(JdbcUrls.forDriver(scratchUrl))
                .user(Connections.user(scratchUrl, user))
                .password(password)
                .migrations(migrations)
                .build();
        // The models are read (Hibernate's bootstrap) while the migrations run and are read back.
        var both = BothReads.read(() -> new EntitySchemaReader(scratch.target()).read(models), () -> {
            try (Migrator migrator = Migrator.open(config)) {
                migrator.sync(SyncScope.ALL);
            }
            return scratch.read();
        });
        Schema built = both.live();
        Schema desired = both.models();
        IgnoreRules used = rules.withHints(dev.concertina.rules.Hints.empty());
        List<Change> changes = Differ.diff(built, desired, DiffOptions.DEFAULTS.withIgnore(RulesFilter.of(used)));
        return new Result(changes, used.unused(), where);
    }
}
