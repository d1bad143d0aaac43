package dev.concertina.samples.e2e.blocking;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Test-only: when {@code CONCERTINA_E2E_BLOCK} names a file, this migration creates its first
 * table, writes that file, and sleeps, so the test can SIGKILL the process in the middle of it.
 * Its statements are idempotent (IF NOT EXISTS), as a migration meant to be re-run after a crash
 * on a database without transactional DDL should be.
 */
@Revision(id = "b10c02", parent = "b10c01", branch = Branch.EXPAND, message = "create halves")
public final class CreateHalves implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) throws Exception {
        ctx.dsl().createTableIfNotExists(DSL.name(ctx.dialect().foldUnquoted("half_a"))).column(DSL.name(ctx.dialect().foldUnquoted("id")), SQLDataType.INTEGER).execute();
        String marker = System.getenv("CONCERTINA_E2E_BLOCK");
        // The runner also runs migrations against a recording connection (checksums), which
        // answers every query with no rows: block only on the real database.
        boolean real = ctx.dsl().selectOne().fetchOne() != null;
        if (marker != null && real) {
            Files.writeString(Path.of(marker), "half_a created");
            Thread.sleep(120_000);
        }
        ctx.dsl().createTableIfNotExists(DSL.name(ctx.dialect().foldUnquoted("half_b"))).column(DSL.name(ctx.dialect().foldUnquoted("id")), SQLDataType.INTEGER).execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl().dropTableIfExists(DSL.name(ctx.dialect().foldUnquoted("half_b"))).execute();
        ctx.dsl().dropTableIfExists(DSL.name(ctx.dialect().foldUnquoted("half_a"))).execute();
    }
}
