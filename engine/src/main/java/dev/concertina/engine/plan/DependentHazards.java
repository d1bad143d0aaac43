package dev.concertina.engine.plan;

import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Branch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hazard of dropping (or renaming away) a table that views or triggers depend on: the live
 * reader lists them in {@link Table#dependents()}; PostgreSQL and H2 refuse the drop while a view
 * reads the table, MariaDB leaves the view broken, and the table's triggers go with it.
 */
final class DependentHazards {

    private DependentHazards() {}

    /** The hazard naming {@code table}'s dependents, or none when it has none. */
    static List<Hazard> of(Table table) {
        if (table.dependents().isEmpty()) return List.of();
        String names = table.dependents().stream().map(Dependent::toString).collect(Collectors.joining(", "));
        return List.of(Hazard.of(
                HazardCode.DEPENDENT_OBJECTS,
                Branch.CONTRACT,
                names + " depend" + (table.dependents().size() == 1 ? "s" : "") + " on \"" + table.name() + "\""));
    }
}
