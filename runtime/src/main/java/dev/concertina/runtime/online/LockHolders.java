package dev.concertina.runtime.online;

import dev.concertina.runtime.MigrationContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Names the sessions that keep a DDL statement from its lock, for the error that ends its
 * retries: their process id, state, transaction age and current (or last) query.
 */
final class LockHolders {

    private static final int QUERY_CHARS = 120;

    private LockHolders() {}

    static String describe(MigrationContext ctx, Name... tables) {
        try {
            List<String> found = switch (ctx.dialect()) {
                case POSTGRES -> postgres(ctx, tables);
                case MARIADB, MYSQL -> mariaDb(ctx);
                default -> List.of();
            };
            return found.isEmpty() ? "no session any more (it has just finished)" : String.join("; ", found);
        } catch (RuntimeException e) {
            return "a session that could not be identified (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * PostgreSQL: the sessions holding (or queued ahead for) a lock on the tables, oldest
     * transaction first; every session with a relation lock when no table is known.
     */
    private static List<String> postgres(MigrationContext ctx, Name... tables) {
        List<Object> binds = new ArrayList<>();
        // Each table is one bind value of its own (the template repeats {0}, {1}, …).
        StringBuilder rel = new StringBuilder(tables.length == 0 ? "true" : "l.relation in (");
        for (int i = 0; i < tables.length; i++) {
            rel.append(i == 0 ? "" : ", ").append("to_regclass({").append(i).append("})::oid");
            binds.add(DSL.val(ctx.dsl().render(tables[i])));
        }
        if (tables.length > 0) {
            rel.append(')');
        }
        Result<Record> rows = ctx.dsl()
                .resultQuery(
                        "select distinct a.pid, a.state, a.query, a.xact_start, a.application_name,"
                                + " l.granted from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid"
                                + " where l.locktype = 'relation' and l.pid <> pg_backend_pid() and " + rel
                                + " order by l.granted desc, a.xact_start nulls last limit 3",
                        binds.toArray())
                .fetch();
        List<String> out = new ArrayList<>();
        for (Record r : rows) {
            java.sql.Timestamp since = r.get(3, java.sql.Timestamp.class);
            String app = r.get(4, String.class);
            out.add("pid " + r.get(0, Integer.class) + (app == null || app.isBlank() ? "" : " \"" + app + "\"")
                    + " (" + (Boolean.TRUE.equals(r.get(5, Boolean.class)) ? "holding" : "queued ahead") + ", state "
                    + r.get(1, String.class) + (since == null ? "" : ", transaction since " + since.toInstant())
                    + ", query: " + shorten(r.get(2, String.class)) + ")");
        }
        return out;
    }

    /**
     * MariaDB/MySQL: the metadata lock a DDL statement waits for is held by open transactions that
     * touched the table; the oldest open InnoDB transactions of other connections are named.
     */
    private static List<String> mariaDb(MigrationContext ctx) {
        Result<Record> rows = ctx.dsl()
                .resultQuery("select p.id, p.user, p.command, p.state, p.info, t.trx_started"
                        + " from information_schema.innodb_trx t join information_schema.processlist p on p.id = t.trx_mysql_thread_id"
                        + " where p.id <> connection_id() order by t.trx_started limit 3")
                .fetch();
        List<String> out = new ArrayList<>();
        for (Record r : rows) {
            String state = r.get(3, String.class);
            out.add("connection " + r.get(0, Long.class) + " of " + r.get(1, String.class) + " ("
                    + r.get(2, String.class)
                    + (state == null || state.isBlank() ? "" : ", " + state) + ", transaction since "
                    + r.get(5, String.class)
                    + ", query: " + shorten(r.get(4, String.class)) + ")");
        }
        return out;
    }

    static String shorten(String query) {
        if (query == null || query.isBlank()) {
            return "none";
        }
        String q = query.replaceAll("\\s+", " ").trim();
        return q.length() <= QUERY_CHARS ? q : q.substring(0, QUERY_CHARS) + "…";
    }

    static String names(MigrationContext ctx, Name... names) {
        return String.join(
                ", ", Arrays.stream(names).map(n -> ctx.dsl().render(n)).toList());
    }
}
