package dev.concertina.bench.scale;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.PlanJson;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The stages of {@code diff} / {@code revision --autogenerate} as library calls, timed one by one
 * by the harness; and, run as its own main, the whole {@code diff --format json} pipeline in a fresh
 * JVM (the proxy measured while the cli has no {@code diff} command): the live read and the entity
 * read run at the same time (they are independent), then diff, plan and JSON.
 *
 * <p>Main arguments: {@code dialect url user schema modelClasses [--sequential]}; prints the plan JSON.
 */
public final class Pipeline {

    private Pipeline() {}

    static Schema live(Connection c, Dialect dialect, String schema) {
        return LiveSchemaReader.read(c, dialect, schema);
    }

    static Schema entities(Dialect dialect, String version, Path classes) {
        return new EntitySchemaReader(TargetDatabase.of(dialect, version))
                .read(new EntitySource.Packages(List.of(classes), List.of(Corpus.PACKAGE), Map.of()));
    }

    static Plan plan(Schema live, Schema models) {
        List<Change> changes = Differ.diff(live, models, DiffOptions.DEFAULTS);
        return Planner.plan(changes, PlanHints.NONE);
    }

    /** The generated sources' total length (JavaPoet renders them here). */
    static long codegen(Plan plan, Dialect dialect) {
        List<GeneratedMigration> out = MigrationWriter.write(plan,
                MigrationRequest.of("bench.migrations", "scale drift", dialect, BranchHead.empty(), BranchHead.empty()));
        long chars = 0;
        for (GeneratedMigration g : out) chars += g.source().length();
        return chars;
    }

    /** The database's version as the entity reader wants it ("15.20", "10.11.19", "2.5.252"). */
    static String version(Connection c) throws java.sql.SQLException {
        String v = c.getMetaData().getDatabaseProductVersion().trim();
        int end = 0;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '.')) end++;
        return v.substring(0, end);
    }

    public static void main(String[] args) throws Exception {
        Dialect dialect = Dialect.fromLabel(args[0]);
        String url = args[1];
        String user = args[2];
        String schema = args[3];
        Path classes = Path.of(args[4]);
        boolean sequential = args.length > 5 && args[5].equals("--sequential");
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            String version = version(c);
            Schema live;
            Schema models;
            if (sequential) {
                live = live(c, dialect, schema);
                models = entities(dialect, version, classes);
            } else {
                CompletableFuture<Schema> m = CompletableFuture.supplyAsync(() -> entities(dialect, version, classes));
                live = live(c, dialect, schema);
                models = m.join();
            }
            System.out.print(PlanJson.render(plan(live, models)));
        }
    }
}
