package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The one jOOQ configuration the runtime uses: every name quoted, exactly as given. */
public final class Sql {

    private Sql() {}

    public static Settings settings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderFormatted(false)
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false);
    }

    public static DSLContext dsl(Connection connection, Dialect dialect) {
        return DSL.using(connection, dialect.jooq(), settings());
    }

    public static DSLContext renderer(Dialect dialect) {
        return DSL.using(dialect.jooq(), settings());
    }
}
