package dev.concertina.samples.bookshop.migrations.contract;

import static dev.concertina.samples.bookshop.migrations.Names.name;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.SQLDataType;

/**
 * The ISBN replaces the old shop code. Only once no running release writes {@code legacy_code}
 * may it go: this is a contract revision, and it requires the expand revision that added the ISBN.
 */
@Revision(
        id = "8c2e6a",
        branch = Branch.CONTRACT,
        requires = "4b7d9e",
        milestone = "2026.1",
        message = "drop book.legacy_code")
public final class DropBookLegacyCode implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl()
                .alterTable(name(ctx, "book"))
                .dropColumn(name(ctx, "legacy_code"))
                .execute();
    }

    /** The column comes back empty: the codes it held are lost. */
    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl()
                .alterTable(name(ctx, "book"))
                .addColumn(name(ctx, "legacy_code"), SQLDataType.VARCHAR(20).null_())
                .execute();
    }
}
