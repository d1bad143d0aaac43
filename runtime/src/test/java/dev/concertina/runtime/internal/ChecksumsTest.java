package dev.concertina.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.ResolvedMigration;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static ResolvedMigration migration(Migration m) {
        return new ResolvedMigration("x1", Optional.empty(), Branch.EXPAND, Optional.empty(), Optional.empty(), "", true, "test", m);
    }

    private static Migration inserting(Object value) {
        return ctx -> ctx.dsl().insertInto(DSL.table(DSL.name("t"))).columns(DSL.field(DSL.name("v"))).values(value).execute();
    }

    @Test
    void bindValuesCount() {
        assertNotEquals(Checksums.of(migration(inserting(1)), Dialect.H2), Checksums.of(migration(inserting(2)), Dialect.H2));
        assertEquals(Checksums.of(migration(inserting("a")), Dialect.H2), Checksums.of(migration(inserting("a")), Dialect.H2));
    }

    @Test
    void bindValuesRenderWithoutIdentityHashes() {
        assertEquals("java.lang.Object", Checksums.render(new Object()));
        assertEquals("[1, [2, 3]]", Checksums.render(new Object[] {1, new Object[] {2, 3}}));
        assertEquals("[1, 2]", Checksums.render(new byte[] {1, 2}));
        assertEquals("null", Checksums.render(null));
    }

    @Test
    void whatAMigrationThrowsIsPartOfTheRecording() {
        Migration failsOnEmptyResult = ctx -> {
            if (ctx.dsl().selectOne().fetchOne() == null) {
                throw new IllegalStateException("no row");
            }
        };
        Migration doesNothing = ctx -> { };
        assertNotEquals(Checksums.of(migration(failsOnEmptyResult), Dialect.POSTGRES), Checksums.of(migration(doesNothing), Dialect.POSTGRES));
        assertEquals(Checksums.of(migration(failsOnEmptyResult), Dialect.POSTGRES), Checksums.of(migration(failsOnEmptyResult), Dialect.POSTGRES));
    }
}
