package dev.concertina.samples.bookshop.migrations.expand;

import static dev.concertina.samples.bookshop.migrations.Names.name;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.SQLDataType;

/**
 * Release 2026.1 starts to record ISBNs. The column is nullable so the previous release, which
 * does not know it, keeps inserting books.
 */
@Revision(id = "4b7d9e", parent = "1f3a5c", branch = Branch.EXPAND, milestone = "2026.1", message = "add book.isbn")
public final class AddBookIsbn implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl()
                .alterTable(name(ctx, "book"))
                .addColumn(name(ctx, "isbn"), SQLDataType.VARCHAR(17).null_())
                .execute();
        ctx.dsl()
                .createIndex(name(ctx, "book_isbn_idx"))
                .on(name(ctx, "book"), name(ctx, "isbn"))
                .execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl().dropIndex(name(ctx, "book_isbn_idx")).on(name(ctx, "book")).execute();
        ctx.dsl().alterTable(name(ctx, "book")).dropColumn(name(ctx, "isbn")).execute();
    }
}
