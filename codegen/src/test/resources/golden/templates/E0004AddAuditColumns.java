package com.acme.db.expand;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import dev.concertina.runtime.SchemaNames;

/**
 * Add audit columns
 *
 * <p>Expand revision, written by hand: only add or relax (new tables, nullable columns, indexes,
 * constraints existing rows satisfy), so that the running release keeps working.
 *
 * <p>Write names through {@code SchemaNames} ({@code n.name("person")} for names the database
 * folds, {@code n.exact("Person")} for quoted ones). Without a {@code downgrade} method the
 * revision refuses to be downgraded.
 */
@Revision(
        id = "fdc0b354ff2b",
        parent = "aaaaaaaaaaaa",
        branch = Branch.EXPAND,
        milestone = "2026.1",
        message = "Add audit columns"
)
public final class E0004AddAuditColumns implements Migration {
    @Override
    public void upgrade(MigrationContext ctx) {
        SchemaNames n = SchemaNames.of(ctx);
        // The expand steps of this revision, for example:
        // ctx.dsl().alterTable(n.name("person"))
        //         .addColumn(n.name("email"), SQLDataType.VARCHAR(200).nullable(true))
        //         .execute();
    }
}
