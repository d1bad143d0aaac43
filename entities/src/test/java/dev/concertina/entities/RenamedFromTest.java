package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.rules.ColumnRename;
import dev.concertina.rules.Hints;
import dev.concertina.rules.TableRename;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** {@code @RenamedFrom} on classes, fields, getters, embeddables and mapped superclasses becomes rename hints. */
class RenamedFromTest {

    private static final String PKG = "dev.concertina.entities.fixtures.renamed";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB"})
    void everyAnnotatedElementGivesAHintWithTheMappedNewName(Dialect dialect) {
        EntityModel model = new EntitySchemaReader(TargetDatabase.of(dialect)).readModel(Fixtures.packages(PKG));
        Hints hints = model.renames();

        assertEquals(List.of("people -> " + dialect.foldUnquoted("members")),
                hints.tableRenames().stream().map(r -> r.from().text() + " -> " + r.to().text()).toList());

        Set<String> columns = hints.columnRenames().stream()
                .map(r -> r.table().text() + "." + r.from().text() + " -> " + r.to().text()).collect(Collectors.toSet());
        String members = dialect.foldUnquoted("members");
        assertEquals(Set.of(
                members + ".fullname -> " + dialect.foldUnquoted("display_name"),
                // Hibernate's default naming keeps the attribute name; the database folds it.
                members + ".created -> " + dialect.foldUnquoted("createdAt"),
                members + ".zip -> " + dialect.foldUnquoted("postCode"),
                dialect.foldUnquoted("Ticket") + ".summary -> " + dialect.foldUnquoted("title")), columns);
        // Every hint's new name is a column of the schema read in the same pass.
        for (ColumnRename r : hints.columnRenames()) {
            assertTrue(model.schema().table(r.table().text()).orElseThrow().column(r.to().text()).isPresent(), r::toString);
        }
    }

    @Test
    void hintsSayWhereTheyCameFrom() {
        Hints hints = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(Fixtures.packages(PKG)).renames();
        TableRename table = hints.tableRenames().get(0);
        assertEquals("@RenamedFrom on " + PKG + ".Member", table.origin().toString());
        ColumnRename name = hints.columnRenames().stream().filter(r -> r.from().text().equals("fullname")).findFirst().orElseThrow();
        assertEquals("@RenamedFrom on " + PKG + ".Member#displayName", name.origin().toString());
    }

    @Test
    void entitiesWithoutTheAnnotationGiveNoHints() {
        EntityModel model = new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).readModel(Fixtures.packages(Fixtures.LIBRARY));
        assertTrue(model.renames().isEmpty(), model.renames()::toString);
        assertEquals(new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).read(Fixtures.packages(Fixtures.LIBRARY)), model.schema());
    }
}
