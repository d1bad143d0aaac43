package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationGraph;
import dev.concertina.runtime.ResolvedMigration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model read from any database gives migrations that issue the same SQL: names folded on the
 * source (H2 upper case, MariaDB as written) are written in lower case and folded again when run.
 */
class SourceDialectTest {

    @ParameterizedTest
    @ValueSource(strings = {"naming", "add_table", "drop_foreign_key", "set_not_null"})
    void sameStatementsWhicheverDatabaseTheModelWasReadFrom(String name) {
        Scenario s = Cases.named(name).orElseThrow();
        List<Dialect> targets = List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB);
        Map<Dialect, Map<Branch, List<String>>> fromPostgres = sql(PlanSql.statements(plan(s, Dialect.POSTGRES), Dialect.POSTGRES, targets));
        for (Dialect source : List.of(Dialect.H2, Dialect.MARIADB)) {
            assertEquals(fromPostgres, sql(PlanSql.statements(plan(s, source), source, targets)), name + " read from " + source);
        }
    }

    /** The statements without the {@code --} lines (which describe steps in the source's case). */
    private static Map<Dialect, Map<Branch, List<String>>> sql(Map<Dialect, Map<Branch, List<String>>> all) {
        Map<Dialect, Map<Branch, List<String>>> out = new java.util.TreeMap<>();
        all.forEach((d, phases) -> {
            Map<Branch, List<String>> p = new java.util.TreeMap<>();
            phases.forEach((phase, list) -> p.put(phase, list.stream().filter(x -> !x.startsWith("--")).toList()));
            out.put(d, p);
        });
        return out;
    }

    private static Plan plan(Scenario s, Dialect source) {
        return Planner.plan(Differ.diff(Models.fold(s.current(), source), Models.fold(s.desired(), source), DiffOptions.DEFAULTS), PlanHints.NONE);
    }

    @Test
    void branchHeadsComeFromTheMigrationGraph() {
        Scenario s = Cases.realistic();
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> change = s.generate(base.get(0).revision());
        List<Class<?>> classes = Harness.compile(java.util.stream.Stream.concat(base.stream(), change.stream()).toList());
        MigrationGraph graph = MigrationGraph.of(classes.stream().map(ResolvedMigration::of).toList());
        assertEquals(new BranchHead(Optional.of(change.get(0).revision()), 2), BranchHead.of(graph, Branch.EXPAND));
        assertEquals(new BranchHead(Optional.of(change.get(1).revision()), 1), BranchHead.of(graph, Branch.CONTRACT));
    }
}
