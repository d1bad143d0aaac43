package dev.concertina.samples.bookshop.migrations.expand;

import static dev.concertina.samples.bookshop.migrations.Names.name;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Readers may review books. */
@Revision(id = "a6e0b4", parent = "4b7d9e", branch = Branch.EXPAND, message = "create review")
public final class CreateReview implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl()
                .createTable(name(ctx, "review"))
                .column(name(ctx, "id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "book_id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "stars"), SQLDataType.INTEGER.notNull())
                .column(name(ctx, "body"), SQLDataType.VARCHAR(2000).null_())
                .constraints(
                        DSL.constraint(name(ctx, "review_pk")).primaryKey(name(ctx, "id")),
                        DSL.constraint(name(ctx, "review_book_fk"))
                                .foreignKey(name(ctx, "book_id"))
                                .references(name(ctx, "book"), name(ctx, "id")))
                .execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl().dropTable(name(ctx, "review")).execute();
    }
}
