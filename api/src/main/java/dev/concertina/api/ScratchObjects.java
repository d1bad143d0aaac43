package dev.concertina.api;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * What a scratch database of the drift check holds, all of it: tables (Concertina's own version
 * and trigger tables too, which the schema reader leaves out), sequences and, on PostgreSQL,
 * functions. The drift check takes one before it runs the migrations, refuses to start unless
 * there are no tables and sequences, and drops afterwards everything that was not there before,
 * so the scratch database ends as empty as it began and user data is never touched.
 *
 * @param tables    names of tables and views
 * @param sequences names of sequences
 * @param functions names of PostgreSQL functions (sync triggers and write guards use them)
 */
record ScratchObjects(List<String> tables, List<String> sequences, List<String> functions) {

    ScratchObjects {
        tables = List.copyOf(new TreeSet<>(tables));
        sequences = List.copyOf(new TreeSet<>(sequences));
        functions = List.copyOf(new TreeSet<>(functions));
    }

    boolean holdsData() {
        return !tables.isEmpty() || !sequences.isEmpty();
    }

    /** Everything in the current schema of {@code db}. */
    static ScratchObjects of(LiveDatabase db) {
        DSLContext dsl = dsl(db);
        String schema = db.schema();
        List<String> tables;
        List<String> sequences;
        List<String> functions = List.of();
        if (db.dialect() == Dialect.MARIADB || db.dialect() == Dialect.MYSQL) {
            // MariaDB lists its sequences as tables of type SEQUENCE.
            tables = names(
                    dsl,
                    schema,
                    "select table_name from information_schema.tables"
                            + " where table_schema = {0} and table_type <> 'SEQUENCE'");
            sequences = names(
                    dsl,
                    schema,
                    "select table_name from information_schema.tables"
                            + " where table_schema = {0} and table_type = 'SEQUENCE'");
        } else {
            tables = names(dsl, schema, "select table_name from information_schema.tables where table_schema = {0}");
            sequences = names(
                    dsl,
                    schema,
                    "select sequence_name from information_schema.sequences" + " where sequence_schema = {0}");
            if (db.dialect() == Dialect.POSTGRES) {
                functions = names(
                        dsl,
                        schema,
                        "select p.proname from pg_catalog.pg_proc p"
                                + " join pg_catalog.pg_namespace n on n.oid = p.pronamespace where n.nspname = {0}");
            }
        }
        return new ScratchObjects(tables, sequences, functions);
    }

    /** The first column of {@code sql}'s rows; the schema is its bind value {0}. */
    private static List<String> names(DSLContext dsl, String schema, String sql) {
        return dsl.resultQuery(sql, DSL.val(schema)).fetch(0, String.class);
    }

    /**
     * Drops from {@code db} what it holds now and {@code before} did not: tables (with their
     * triggers and keys), then sequences, then functions.
     *
     * @throws ConcertinaException (MIGRATION_FAILED) when something cannot be dropped
     */
    static void dropAllBut(LiveDatabase db, ScratchObjects before, String where) {
        ScratchObjects now = of(db);
        DSLContext dsl = dsl(db);
        boolean mariaDb = db.dialect() == Dialect.MARIADB || db.dialect() == Dialect.MYSQL;
        try {
            if (mariaDb) {
                // Foreign keys between the dropped tables would otherwise dictate the order.
                dsl.execute("set foreign_key_checks = 0");
            }
            for (String t : added(now.tables, before.tables)) {
                dsl.dropTableIfExists(DSL.quotedName(t)).cascade().execute();
            }
            for (String s : added(now.sequences, before.sequences)) {
                dsl.dropSequenceIfExists(DSL.quotedName(s)).execute();
            }
            for (String f : added(now.functions, before.functions)) {
                dsl.execute("drop function if exists {0} cascade", DSL.quotedName(f));
            }
        } catch (RuntimeException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "clean up the scratch database " + where + " after the drift check: " + LiveDatabase.oneLine(e),
                    e);
        } finally {
            if (mariaDb) {
                dsl.execute("set foreign_key_checks = 1");
            }
        }
    }

    private static List<String> added(List<String> now, List<String> before) {
        List<String> out = new ArrayList<>(now);
        out.removeAll(before);
        return out;
    }

    private static DSLContext dsl(LiveDatabase db) {
        Connection c = db.connection();
        return DSL.using(
                c,
                db.dialect().jooq(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withExecuteLogging(false));
    }
}
