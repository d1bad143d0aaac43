package dev.concertina.samples.bookshop.migrations.expand;

import static dev.concertina.samples.bookshop.migrations.Names.name;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The first release: authors and their books. */
@Revision(id = "1f3a5c", branch = Branch.EXPAND, message = "create author and book")
public final class CreateAuthorAndBook implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl()
                .createTable(name(ctx, "author"))
                .column(name(ctx, "id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "name"), SQLDataType.VARCHAR(200).notNull())
                .constraints(DSL.constraint(name(ctx, "author_pk")).primaryKey(name(ctx, "id")))
                .execute();
        ctx.dsl()
                .createTable(name(ctx, "book"))
                .column(name(ctx, "id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "title"), SQLDataType.VARCHAR(200).notNull())
                .column(name(ctx, "author_id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "legacy_code"), SQLDataType.VARCHAR(20).null_())
                .constraints(
                        DSL.constraint(name(ctx, "book_pk")).primaryKey(name(ctx, "id")),
                        DSL.constraint(name(ctx, "book_author_fk"))
                                .foreignKey(name(ctx, "author_id"))
                                .references(name(ctx, "author"), name(ctx, "id")))
                .execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl().dropTable(name(ctx, "book")).execute();
        ctx.dsl().dropTable(name(ctx, "author")).execute();
    }
}
