package dev.concertina.samples.bookshop.migrations.contract;

import static dev.concertina.samples.bookshop.migrations.Names.name;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.impl.DSL;

/**
 * Tightening is a contract change: the first release with reviews accepted any number of stars,
 * so the range is enforced only once that release is gone.
 */
@Revision(
        id = "d9f1c3",
        parent = "8c2e6a",
        branch = Branch.CONTRACT,
        requires = "a6e0b4",
        message = "check review.stars between 1 and 5")
public final class CheckReviewStars implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl()
                .alterTable(name(ctx, "review"))
                .add(DSL.constraint(name(ctx, "review_stars_range"))
                        .check(DSL.field(name(ctx, "stars"), Integer.class).between(1, 5)))
                .execute();
    }

    @Override
    public void downgrade(MigrationContext ctx) {
        ctx.dsl()
                .alterTable(name(ctx, "review"))
                .dropConstraint(name(ctx, "review_stars_range"))
                .execute();
    }
}
