package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names that only survive when read byte for byte (issue 16, item 1): each is created by hand,
 * quoted by jOOQ, and must come back exactly — never trimmed, folded or merged with a neighbour.
 */
class HostileNamesTest {

    /** MariaDB refuses names that end with a space; the other two accept every name here. */
    private static List<String> names(DbKind kind) {
        List<String> names = new ArrayList<>(List.of(" lead", "a\"quote", "back`tick", "*/ comment", "new\nline",
                "ünïcødé ☃", "tab\tbed", "select"));
        if (kind != DbKind.MARIADB) names.addAll(List.of("select ", "trail  "));
        return names;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void namesReadBackByteForByte(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            DSLContext sql = DSL.using(c, Fixtures.dialect(kind).jooq(),
                    new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withExecuteLogging(false));
            List<String> names = names(kind);
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                sql.createTable(DSL.name(n))
                        .column(DSL.name(n), SQLDataType.INTEGER.nullable(false))
                        .column(DSL.name(n + " 2"), SQLDataType.VARCHAR(20))
                        .execute();
                sql.createIndex(DSL.name("ix" + i + n)).on(DSL.name(n), DSL.name(n), DSL.name(n + " 2")).execute();
            }
            Schema read = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());

            List<String> expected = new ArrayList<>(names);
            expected.sort(null);
            assertEquals(expected, read.tables().stream().map(Table::name).toList());
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                Table t = read.table(n).orElseThrow();
                assertEquals(List.of(n, n + " 2"), t.columns().stream().map(Column::name).toList(), "columns of " + n);
                assertEquals(List.of("ix" + i + n), t.indexes().stream().map(Index::name).toList(), "indexes of " + n);
                assertEquals(List.of(n, n + " 2"), t.indexes().get(0).columns(), "index columns of " + n);
            }
            assertEquals(List.of(), Differ.diff(read, LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema()),
                    DiffOptions.DEFAULTS), "diff of the schema with itself read again");
        }
    }
}
