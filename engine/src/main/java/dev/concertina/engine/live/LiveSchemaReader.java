package dev.concertina.engine.live;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.OwnObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import schemacrawler.schemacrawler.InformationSchemaKey;

/**
 * Reads one schema of a live database into the neutral {@link Schema}.
 *
 * <h2>How</h2>
 * One catalog query per kind of object, over plain JDBC ({@link CatalogRows}), each limited to the
 * session's current schema: {@code src/main/resources/dev/concertina/engine/live/<dialect>/}, one
 * file per SchemaCrawler information-schema key (their shapes are those of the JDBC metadata calls)
 * plus DEPENDENTS and NOT_COMPARED. SchemaCrawler's crawl is not used: it asks JDBC metadata table
 * by table (seconds on a few hundred tables, bench/scale/RESULTS.md) and trims every name it reads,
 * so a table {@code "select "} would read as {@code select}. Every value is kept byte for byte. The
 * requested schema is made current for the read ({@link LiveDialect#enter}) and restored
 * afterwards, so no name is ever pasted into SQL. Every type, default, check and index expression
 * goes through {@link Normalizer}.
 *
 * <h2>What comes back</h2>
 * Base tables (not views, not partitions) with columns in ordinal order (with identity kind,
 * generated expression, collation, ON UPDATE), primary key, unique constraints, foreign keys,
 * checks (not PostgreSQL's NOT NULL pseudo-checks), comments, user triggers, indexes with their
 * order, expressions, predicate, method and INCLUDE columns (not those that back a primary key, a
 * unique constraint or, where the database adds them itself, a foreign key), the views that
 * depend on each table, and sequences that do not back an identity or serial column. Concertina's
 * own tables and triggers ({@link OwnObjects}) are left out. Names are in the database's case;
 * constraint names the database generated are empty (each {@link LiveDialect} documents its rule).
 * What the model cannot hold (views, exclusion constraints, prefix indexes, partitions) and the
 * types it cannot carry are named in {@link Schema#notes()} ("not compared: …").
 *
 * <p>The connection is left open, in its original schema.
 */
public final class LiveSchemaReader {

    /** Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> SILENCED =
            List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

    static {
        for (Logger l : SILENCED) {
            l.setLevel(Level.OFF);
            l.setUseParentHandlers(false);
        }
    }

    private static final String OWN_CHECK_SUFFIX = "_not_null";

    private LiveSchemaReader() {}

    /**
     * Reads schema {@code schemaName} ({@code PUBLIC} on H2, {@code public} on PostgreSQL, the
     * database name on MariaDB/MySQL) of the database behind {@code connection}.
     *
     * @throws ConcertinaException (INTROSPECTION) naming the schema when the read fails
     */
    public static Schema read(Connection connection, Dialect dialect, String schemaName) {
        LiveDialect live = LiveDialect.of(dialect);
        try {
            LiveDialect.Restore restore = live.enter(connection, schemaName);
            try {
                CatalogParts parts = CatalogParts.read(connection, live);
                List<Sequence> extra = live.extraSequences(connection);
                return convert(parts, live, Normalizer.forDialect(dialect), extra);
            } finally {
                restore.restore();
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof ConcertinaException ce) throw ce;
            throw new ConcertinaException(
                    ErrorCode.INTROSPECTION,
                    "read schema \"" + schemaName + "\" (" + dialect.label() + "): " + oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    static String resource(String folder, InformationSchemaKey key) {
        return resource(folder, key.name());
    }

    /** The catalog query {@code <folder>/<name>.sql}. */
    static String resource(String folder, String name) {
        String path = "/dev/concertina/engine/live/" + folder + "/" + name + ".sql";
        try (InputStream in = LiveSchemaReader.class.getResourceAsStream(path)) {
            if (in == null)
                throw new ConcertinaException(ErrorCode.INTERNAL, "live reader: missing catalog query " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(
                    ErrorCode.INTERNAL, "live reader: cannot read " + path + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ conversion

    private static Schema convert(CatalogParts parts, LiveDialect live, Normalizer n, List<Sequence> extraSequences) {
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map<String, String> t : parts.tables()) {
            String name = t.get("TABLE_NAME");
            if (OwnObjects.isOwnTable(name)) continue;
            Table table = table(name, t.get("REMARKS"), parts, live, n);
            tables.add(table.withDependents(dependents(table, parts, live)));
            for (Column c : table.columns()) {
                if (c.type().kind() == TypeKind.UNSUPPORTED) {
                    notes.add("not compared: type of column " + q(name) + "." + q(c.name()) + " ("
                            + c.type().raw() + "): kept as the database has it");
                }
            }
        }
        for (Map<String, String> r : parts.notCompared()) {
            String on = r.get("TABLE_NAME") == null ? "" : " on " + q(r.get("TABLE_NAME"));
            notes.add("not compared: " + r.get("KIND") + " " + q(r.get("NAME")) + on);
        }
        List<Sequence> sequences = new ArrayList<>(extraSequences);
        for (Map<String, String> s : parts.sequences()) {
            sequences.add(new Sequence(
                    s.get("SEQUENCE_NAME"),
                    s.get("START_VALUE") == null
                            ? 1
                            : Long.parseLong(s.get("START_VALUE").trim()),
                    Long.parseLong(s.get("INCREMENT").trim()),
                    Origin.DATABASE));
        }
        sequences.removeIf(s -> s.name().toLowerCase(Locale.ROOT).startsWith(OwnObjects.PREFIX));
        return new Schema(tables, sequences).sorted().withNotes(notes);
    }

    /** The views that read {@code t} (from DEPENDENTS, or by its quoted name in their text) and its triggers. */
    private static List<Dependent> dependents(Table t, CatalogParts parts, LiveDialect live) {
        List<Dependent> out = new ArrayList<>();
        Optional<String> quoted = live.quotedInDefinitions(t.name());
        for (Map<String, String> r : parts.dependents()) {
            boolean reads = quoted.isPresent()
                    ? r.get("DEFINITION") != null && r.get("DEFINITION").contains(quoted.get())
                    : t.name().equals(r.get("TABLE_NAME"));
            if (reads) out.add(new Dependent(r.get("DEPENDENT_KIND"), r.get("DEPENDENT_NAME")));
        }
        t.triggers().forEach(tr -> out.add(new Dependent("trigger", tr.name())));
        return out;
    }

    private static Table table(String name, String remarks, CatalogParts parts, LiveDialect live, Normalizer n) {
        List<Map<String, String>> columnRows = new ArrayList<>(parts.columns().getOrDefault(name, List.of()));
        columnRows.sort(Comparator.comparingInt(r -> CatalogRows.integer(r, "ORDINAL_POSITION", 0)));
        List<String> columnNames =
                columnRows.stream().map(r -> r.get("COLUMN_NAME")).toList();

        List<Column> columns = new ArrayList<>();
        for (Map<String, String> c : columnRows) columns.add(LiveColumns.column(c, n));

        Optional<PrimaryKey> pk = Optional.empty();
        List<Map<String, String>> pkRows = parts.primaryKeys().getOrDefault(name, List.of());
        if (!pkRows.isEmpty()) {
            List<String> cols = ordered(pkRows, "KEY_SEQ");
            String pkName = pkRows.get(0).get("PK_NAME");
            pk = Optional.of(new PrimaryKey(
                    live.userName(LiveDialect.Kind.PRIMARY_KEY, name, cols, pkName == null ? "" : pkName, columnNames),
                    cols));
        }

        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (Map<String, String> tc : parts.constraints().getOrDefault(name, List.of())) {
            String cname = tc.get("CC_NAME");
            if (cname == null) continue;
            String type = tc.get("CONSTRAINT_TYPE") == null
                    ? ""
                    : tc.get("CONSTRAINT_TYPE").toUpperCase(Locale.ROOT);
            if (type.equals("UNIQUE")) {
                List<String> cols = ordered(
                        parts.constraintColumns().getOrDefault(tc.get("CONSTRAINT_NAME"), List.of()),
                        "ORDINAL_POSITION");
                uniques.add(new UniqueConstraint(
                        live.userName(LiveDialect.Kind.UNIQUE, name, cols, cname, columnNames),
                        cols,
                        Origin.DATABASE,
                        Optional.ofNullable(tc.get("CC_DEFERRABLE")).orElse("")));
            } else if (type.equals("CHECK")) {
                String definition = parts.checkClauses().get(tc.get("CONSTRAINT_NAME"));
                if (definition == null || definition.isBlank()) continue;
                // PostgreSQL 15's information_schema lists every NOT NULL as a check "…_not_null"; never a user check.
                if (cname.endsWith(OWN_CHECK_SUFFIX)
                        && definition.toUpperCase(Locale.ROOT).contains("IS NOT NULL")) continue;
                checks.add(new CheckConstraint(
                        live.userName(LiveDialect.Kind.CHECK, name, List.of(), cname, columnNames),
                        n.check(definition),
                        Origin.DATABASE));
            }
        }

        List<ForeignKey> readFks = parts.foreignKeys().getOrDefault(name, List.of());
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : readFks) {
            fks.add(new ForeignKey(
                    live.userName(LiveDialect.Kind.FOREIGN_KEY, name, fk.columns(), fk.name(), columnNames),
                    fk.columns(),
                    fk.referencedTable(),
                    fk.referencedColumns(),
                    fk.onDelete(),
                    fk.onUpdate(),
                    Origin.DATABASE,
                    fk.deferrable()));
        }

        columns = live.checkedTypes(columns, checks);
        List<Index> indexes =
                LiveIndexes.read(name, parts.indexes().getOrDefault(name, List.of()), readFks, live, n, columnNames);

        return n.table(new Table(
                name,
                columns,
                pk,
                uniques,
                indexes,
                fks,
                checks,
                LiveColumns.text(remarks),
                triggers(parts.triggers().getOrDefault(name, List.of())),
                Origin.DATABASE));
    }

    /** TRIGGERS rows (one per trigger and event on PostgreSQL) as triggers with their events joined: {@code INSERT,UPDATE}. */
    private static List<Trigger> triggers(List<Map<String, String>> rows) {
        Map<String, TreeSet<String>> events = new TreeMap<>();
        Map<String, String> timing = new TreeMap<>();
        for (Map<String, String> r : rows) {
            String name = r.get("TRIGGER_NAME");
            if (name == null || OwnObjects.isOwnTrigger(name)) continue;
            for (String e : String.valueOf(r.get("EVENT_MANIPULATION")).split("[,\\s]+")) {
                if (!e.isEmpty())
                    events.computeIfAbsent(name, k -> new TreeSet<>()).add(e.toUpperCase(Locale.ROOT));
            }
            timing.putIfAbsent(
                    name,
                    String.valueOf(r.get("ACTION_TIMING"))
                            .toUpperCase(Locale.ROOT)
                            .replace(' ', '_'));
        }
        List<Trigger> out = new ArrayList<>();
        events.forEach((name, es) -> out.add(new Trigger(name, timing.get(name), String.join(",", es))));
        return out;
    }

    /** The COLUMN_NAME values of {@code rows} in the order of their {@code position} column. */
    private static List<String> ordered(List<Map<String, String>> rows, String position) {
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> CatalogRows.integer(r, position, 0)));
        return sorted.stream().map(r -> r.get("COLUMN_NAME")).toList();
    }

    private static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
