package dev.concertina.cli.schema;

import dev.concertina.cli.Concertina;
import dev.concertina.cli.Output;
import dev.concertina.entities.EntitySource;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.RulesException;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The drift part of {@code concertina check}: when entity models are configured, the migrations are
 * run on a scratch database and the schema they build is compared with the models.
 *
 * <p>Exit code precedence (the first that applies): 1 error; 5 the database has revisions this code
 * does not know; 2 expand pending; 4 contract pending; 6 drift; 0 up to date. Drift is reported
 * (printed) even when a database code wins, so one run shows everything.
 */
public final class DriftOptions {

    /** {@code check}'s exit code for drift. */
    public static final int DRIFT = 6;

    static final String SCRATCH_PASSWORD_ENV = "CONCERTINA_SCRATCH_PASSWORD";

    @Mixin
    ModelOptions models;

    @Mixin
    RulesOptions rules;

    @Mixin
    HintsFileOption hints;

    @Option(names = "--scratch-url", paramLabel = "JDBC_URL", order = 50,
            description = {"An EMPTY database to build the migrations' schema in for the drift check (default: a private H2",
                    "in-memory database). Its password comes from " + SCRATCH_PASSWORD_ENV + ".",
                    "e.g. --scratch-url jdbc:postgresql://localhost/shop_scratch"})
    String scratchUrl;

    @Option(names = "--scratch-user", paramLabel = "NAME", order = 51,
            description = {"The user of --scratch-url.", "e.g. --scratch-user ci"})
    String scratchUser;

    /**
     * Runs the drift check when models are configured and combines its verdict with {@code check}'s
     * own exit code: drift (6) only when the database is otherwise up to date (0).
     */
    public int apply(Concertina root, int checkCode) {
        CommandContext ctx = CommandContext.of(root);
        Output out = ctx.out();
        Optional<EntitySource> source = ctx.models(models);
        if (source.isEmpty()) {
            out.detail("drift: not checked (no entity models configured)");
            return checkCode;
        }
        IgnoreRules used;
        try {
            // Renames do not matter to drift, but a hints file that is missing, malformed or in conflict is an error here too.
            used = ctx.rules(rules).withHints(ctx.hintsFile(hints));
        } catch (RulesException e) {
            throw SchemaComparison.rulesError(e);
        }
        String url = scratchUrl != null ? scratchUrl : Drift.defaultScratchUrl();
        Drift.Result result;
        try (Migrations migrations = Migrations.load(ctx.settings())) {
            result = Drift.check(migrations.source(), source.get(), used, url,
                    scratchUser == null ? "" : scratchUser, ctx.io().env().getOrDefault(SCRATCH_PASSWORD_ENV, ""));
        }
        result.staleRules().forEach(r -> out.warning(SchemaComparison.staleMessage(r)));
        if (!result.drifted()) {
            out.result("models match the schema the migrations build (" + result.scratch() + ")");
            return checkCode;
        }
        result.report().lines().forEach(out::result);
        out.result("write the missing migration with: concertina revision --autogenerate -m \"...\"");
        return checkCode == 0 ? DRIFT : checkCode;
    }
}
