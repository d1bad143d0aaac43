package com.example.shop.migrations.expand;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.Revision;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

@Revision(id = "0a1b2c3d4e5f", branch = Branch.EXPAND, message = "create customer")
public final class E0001CreateCustomer implements Migration {

    @Override
    public void upgrade(MigrationContext ctx) {
        ctx.dsl().createTable(name(ctx, "customer"))
                .column(name(ctx, "id"), SQLDataType.BIGINT.notNull())
                .column(name(ctx, "name"), SQLDataType.VARCHAR(100))
                .constraints(DSL.primaryKey(name(ctx, "id")))
                .execute();
    }

    private static Name name(MigrationContext ctx, String unquoted) {
        return DSL.name(ctx.dialect().foldUnquoted(unquoted));
    }
}
