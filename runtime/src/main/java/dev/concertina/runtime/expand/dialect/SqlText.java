package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.Dialect;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** Identifiers and string literals rendered by jOOQ for one dialect: the only way names enter SQL here. */
public final class SqlText {

    private final Dialect dialect;
    private final DSLContext render;

    public SqlText(Dialect dialect) {
        this.dialect = dialect;
        this.render = DSL.using(dialect.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The identifier quoted for the dialect, case kept as given. */
    public String name(String identifier) {
        return render.render(DSL.name(identifier));
    }

    /** A string literal, escaped for the dialect. */
    public String literal(String value) {
        return render.render(DSL.inline(value));
    }
}
