package dev.concertina.cli;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;

/**
 * Start-up time is most of a command's time: the first jOOQ statement rendered and fetched in a
 * fresh JVM costs about 0.4 s of class loading and initialisation, and the runner needs one
 * before it touches the database (checksums are rendered SQL). This does that work on a second
 * thread while the main one parses the command line, scans the migrations and connects, so the
 * two overlap. It changes no state anyone reads; on failure it simply stops.
 */
final class WarmUp {

    private WarmUp() {}

    /** Starts the warm-up unless the command only prints help or the version. */
    static void startFor(List<String> args) {
        if (args.isEmpty() || args.stream().anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"))) {
            return;
        }
        Thread t = new Thread(WarmUp::run, "concertina-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            DSLContext dsl = DSL.using(new MockConnection(ctx -> new MockResult[] {
                    new MockResult(0, DSL.using(SQLDialect.DEFAULT).newResult())}), SQLDialect.H2);
            dsl.createTable(DSL.name("w")).column(DSL.name("id"), SQLDataType.BIGINT.notNull())
                    .column(DSL.name("v"), SQLDataType.VARCHAR(10).null_())
                    .constraints(DSL.constraint(DSL.name("w_pk")).primaryKey(DSL.name("id"))).execute();
            dsl.alterTable(DSL.name("w")).addColumn(DSL.name("x"), SQLDataType.INTEGER).execute();
            dsl.select(DSL.field(DSL.name("id"), Long.class), DSL.field(DSL.name("v"), String.class))
                    .from(DSL.table(DSL.name("w"))).where(DSL.field(DSL.name("v"), String.class).eq("a"))
                    .orderBy(DSL.field(DSL.name("id")).desc()).fetch();
        } catch (RuntimeException | LinkageError e) {
            // Only a head start; the command does the real work and reports real errors.
        }
    }
}
