package dev.concertina.samples.bookshop.migrations;

import dev.concertina.runtime.MigrationContext;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The bookshop's identifiers as its JPA provider would create them unquoted: upper case on H2,
 * lower case on PostgreSQL, as written on MariaDB. The migrations' DSL quotes every name, so it
 * must be given in the database's own case.
 */
public final class Names {

    private Names() {}

    public static Name name(MigrationContext ctx, String identifier) {
        return DSL.name(ctx.dialect().foldUnquoted(identifier));
    }
}
