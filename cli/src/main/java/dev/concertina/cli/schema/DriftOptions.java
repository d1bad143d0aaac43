package dev.concertina.cli.schema;

import dev.concertina.api.Configuration;
import dev.concertina.api.Drift;
import dev.concertina.api.ScratchDatabase;
import dev.concertina.cli.Concertina;
import dev.concertina.cli.Output;
import dev.concertina.entities.EntitySource;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
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
    public static final int DRIFT = dev.concertina.api.CheckReport.DRIFT;

    static final String SCRATCH_PASSWORD_ENV = "CONCERTINA_SCRATCH_PASSWORD";

    @Mixin
    ModelOptions models;

    @Mixin
    RulesOptions rules;

    @Mixin
    HintsFileOption hints;

    @Option(
            names = "--scratch-url",
            paramLabel = "JDBC_URL",
            order = 50,
            description = {
                "An EMPTY database to build the migrations' schema in for the drift check (default: a database of",
                "its own on the --url PostgreSQL or MariaDB server, dropped afterwards, else a private H2 in-memory",
                "database). Its password comes from " + SCRATCH_PASSWORD_ENV + ".",
                "e.g. --scratch-url jdbc:postgresql://localhost/shop_scratch"
            })
    String scratchUrl;

    @Option(
            names = "--scratch-user",
            paramLabel = "NAME",
            order = 51,
            description = {"The user of --scratch-url.", "e.g. --scratch-user ci"})
    String scratchUser;

    /** Runs the drift check when models are configured and prints its verdict; empty when it did not run. */
    public Optional<Drift.Result> apply(Concertina root) {
        CommandContext ctx = CommandContext.of(root);
        Output out = ctx.out();
        Optional<EntitySource> source = ctx.models(models);
        if (source.isEmpty()) {
            out.detail("drift: not checked (no entity models configured)");
            return Optional.empty();
        }
        Configuration config =
                ctx.withRules(CommandContext.withEntities(ctx.withoutDatabase(), source.get()), rules, hints);
        ctx.settings().requirePackage();
        Optional<String> app = ctx.settings().url();
        ScratchDatabase own = null;
        String used = "jdbc:h2:mem:";
        String refused = "";
        if (scratchUrl != null) {
            config = config.scratchDatabase(
                    scratchUrl,
                    scratchUser == null ? "" : scratchUser,
                    ctx.io().env().getOrDefault(SCRATCH_PASSWORD_ENV, ""));
            used = scratchUrl;
        } else if (app.isPresent() && ScratchDatabase.supports(app.get())) {
            // The same kind of database as the application's: a database of its own on that server.
            String user = ctx.settings().user().orElse("");
            String password = ctx.password(app.get());
            try {
                own = ScratchDatabase.create(app.get(), user, password);
                config = config.scratchDatabase(own.url(), user, password);
                used = own.url();
            } catch (ConcertinaException e) {
                refused = " (" + e.getMessage() + ")";
            }
        }
        Drift.Result result;
        try {
            // Stale rules are warned about by the context's listener.
            result = config.load().drift();
        } finally {
            if (own != null) {
                own.close();
            }
        }
        if (!result.drifted()) {
            out.result("models match the schema the migrations build (" + result.scratch() + ")");
        } else {
            result.report().lines().forEach(out::result);
            out.result("write the missing migration with: concertina revision --autogenerate -m \"...\"");
        }
        otherKind(ctx, used, refused).ifPresent(out::result);
        return Optional.of(result);
    }

    /**
     * A line saying the drift check ran on another kind of database than the application's (its
     * types and names may differ there), and how to check on the same kind; empty when they match.
     */
    private static Optional<String> otherKind(CommandContext ctx, String scratch, String refused) {
        Optional<String> url = ctx.settings().url();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Dialect app = Dialect.fromUrl(url.get());
        Dialect used = Dialect.fromUrl(scratch);
        if (family(app) == family(used)) {
            return Optional.empty();
        }
        return Optional.of("note: drift was checked on " + name(used) + ", not on " + name(app) + " like the database"
                + refused + ";"
                + " give --scratch-url with an empty " + name(app) + " database to check on the same kind");
    }

    private static Dialect family(Dialect d) {
        return d == Dialect.MYSQL ? Dialect.MARIADB : d;
    }

    private static String name(Dialect d) {
        switch (d) {
            case H2:
                return "H2";
            case POSTGRES:
                return "PostgreSQL";
            case MYSQL:
                return "MySQL";
            default:
                return "MariaDB";
        }
    }
}
