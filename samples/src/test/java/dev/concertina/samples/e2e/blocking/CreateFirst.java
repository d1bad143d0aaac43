package dev.concertina.samples.e2e.blocking;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Test-only: an ordinary first revision, so the interrupted one has a parent. */
@Revision(id = "b10c01", branch = Branch.EXPAND, message = "create first")
public final class CreateFirst implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl().createTable(DSL.name(ctx.dialect().foldUnquoted("first"))).column(DSL.name(ctx.dialect().foldUnquoted("id")), SQLDataType.INTEGER).execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl().dropTable(DSL.name(ctx.dialect().foldUnquoted("first"))).execute();
    }
}
