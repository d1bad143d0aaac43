package dev.concertina.codegen;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * One codegen case: a schema the database has, the schema the models want, hints, and optional
 * data to put in first and to check afterwards. Names are PostgreSQL's (see {@link Models}).
 */
record Scenario(String name, Schema current, Schema desired, PlanHints hints, String message, Data seed, Data verify,
                boolean downgradable) {

    /** Rows written or checked with jOOQ on a database of {@code dialect} (names folded by {@link Models#f}). */
    @FunctionalInterface
    interface Data {
        Data NONE = (dsl, d) -> { };

        void run(DSLContext dsl, Dialect dialect) throws Exception;
    }

    static Scenario of(String name, Schema current, Schema desired) {
        return new Scenario(name, current, desired, PlanHints.NONE, name.replace('_', ' '), Data.NONE, Data.NONE, true);
    }

    Scenario hints(PlanHints h) { return new Scenario(name, current, desired, h, message, seed, verify, downgradable); }
    Scenario seed(Data d) { return new Scenario(name, current, desired, hints, message, d, verify, downgradable); }
    Scenario verify(Data d) { return new Scenario(name, current, desired, hints, message, seed, d, downgradable); }
    Scenario notDowngradable() { return new Scenario(name, current, desired, hints, message, seed, verify, false); }

    /** The package of this case's generated classes. */
    String basePackage() {
        return "com.example.db." + name.toLowerCase(Locale.ROOT);
    }

    Plan plan() {
        return Planner.plan(Differ.diff(current, desired, DiffOptions.DEFAULTS), hints).requireDecided();
    }

    /** The revision that builds {@link #current} from nothing. */
    List<GeneratedMigration> base() {
        Plan p = Planner.plan(Differ.diff(Schema.EMPTY, current, DiffOptions.DEFAULTS), PlanHints.NONE);
        return MigrationWriter.write(p, MigrationRequest.of(basePackage(), "base", Dialect.POSTGRES, BranchHead.empty(), BranchHead.empty()));
    }

    /** The revisions of the case, after {@link #base}. */
    List<GeneratedMigration> generate(String baseRevision) {
        return MigrationWriter.write(plan(), MigrationRequest.of(basePackage(), message, Dialect.POSTGRES,
                BranchHead.of(baseRevision, 1), BranchHead.empty()));
    }
}
