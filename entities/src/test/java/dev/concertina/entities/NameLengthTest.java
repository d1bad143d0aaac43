package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entity names at the target database's limit are read and created as they are; one character
 * (or, on PostgreSQL, one byte) more is refused before anything runs, naming the entity, the
 * name, its length and the limit.
 */
class NameLengthTest {

    @TempDir
    Path dir;

    /** An entity whose table, column and index are named {@code table}, {@code column}, {@code index}. */
    private EntitySource entity(String jar, String table, String column, String index) throws IOException {
        String source = """
                package lim;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "%s", indexes = @Index(name = "%s", columnList = "%s"))
                public class Thing {
                    @Id Long id;
                    @Column(name = "%s") String label;
                }
                """.formatted(table, index, column, column);
        Path classes = CompiledJar.build(dir, jar, Map.of("lim.Thing", source), Map.of());
        return EntitySource.packages(List.of(classes), "lim");
    }

    private static String name(char c, int length) {
        return String.valueOf(c).repeat(length);
    }

    private static int limit(Dialect d) {
        return d.maxIdentifierLength();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void namesAtTheLimitAreCreatedAndReadBackAsTheyAre(DbKind kind) throws IOException, SQLException {
        Dialect dialect = Fixtures.dialect(kind);
        int max = limit(dialect);
        EntitySource source = entity("at-" + kind, name('t', max), name('c', max), name('i', max));
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            TargetDatabase target = TargetDatabase.of(dialect, c.getMetaData().getDatabaseProductVersion());
            try (Statement s = c.createStatement()) {
                for (String sql : EntityDdl.createScript(source, target)) {
                    s.execute(sql);
                }
            }
            Schema entities = new EntitySchemaReader(target).read(source);
            assertEquals(dialect.foldUnquoted(name('t', max)), entities.tables().get(0).name());
            assertEquals(List.of(), SchemaDifferences.between(entities, LiveSchemaReader.read(c, dialect, db.schema())));
        }
    }

    @Test
    void aTableNameOverTheLimitIsRefusedNamingEntityNameLengthAndLimit() throws IOException {
        EntitySource source = entity("over", name('t', 65), "label", "ix_label");
        ConcertinaException pg = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).read(source));
        assertEquals("lim.Thing: table name \"" + name('t', 65) + "\" is 65 bytes long; PostgreSQL allows at most 63 bytes:"
                + " give it a shorter name (@Table, @Column, @Index, @UniqueConstraint, @ForeignKey name)", pg.getMessage());
        ConcertinaException maria = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB)).read(source));
        assertEquals("lim.Thing: table name \"" + name('t', 65) + "\" is 65 characters long; MariaDB allows at most 64 characters:"
                + " give it a shorter name (@Table, @Column, @Index, @UniqueConstraint, @ForeignKey name)", maria.getMessage());
        // H2 allows 256 characters.
        assertEquals(1, new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).read(source).tables().size());
        EntitySource h2Over = entity("over-h2", "thing", "label", name('i', 257));
        ConcertinaException h2 = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).read(h2Over));
        assertEquals("lim.Thing#label: index name \"" + name('I', 257) + "\" is 257 characters long; H2 allows at most 256 characters:"
                + " give it a shorter name (@Table, @Column, @Index, @UniqueConstraint, @ForeignKey name)", h2.getMessage());
    }

    @Test
    void postgresqlCountsBytesMariaDbCharacters() throws IOException {
        // 32 two-byte characters: 64 bytes (over PostgreSQL's 63), 32 characters (well within MariaDB's 64).
        EntitySource source = entity("bytes", "thing", name('\u00fc', 32), "ix_label");
        ConcertinaException pg = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(source));
        assertEquals("lim.Thing#label: column name \"thing\".\"" + name('\u00fc', 32) + "\" is 64 bytes long;"
                + " PostgreSQL allows at most 63 bytes: give it a shorter name (@Table, @Column, @Index, @UniqueConstraint,"
                + " @ForeignKey name)", pg.getMessage());
        assertEquals(1, new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB)).read(source).tables().size());
    }
}
