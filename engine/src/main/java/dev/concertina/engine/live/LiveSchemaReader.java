package dev.concertina.engine.live;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import schemacrawler.inclusionrule.RegularExpressionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Reads one schema of a live database into the neutral {@link Schema}, through SchemaCrawler.
 *
 * <h2>How</h2>
 * SchemaCrawler's default crawl asks JDBC metadata table by table, which costs seconds on a few
 * hundred tables. This reader instead gives SchemaCrawler one catalog query per kind of object
 * (its "data dictionary" retrieval strategy with our own information-schema views, in
 * {@code src/main/resources/dev/concertina/engine/live/<dialect>/}), each limited to the session's
 * current schema, and asks only for the information levels it uses. The requested schema is made
 * current for the read ({@link LiveDialect#enter}) and restored afterwards, so no name is ever
 * pasted into SQL. The same views read what SchemaCrawler has no plugin for (H2 checks, sequences
 * and triggers). Every type, default and check goes through {@link Normalizer}.
 *
 * <h2>What comes back</h2>
 * Base tables (not views, not partitions) with columns in ordinal order, primary key, unique
 * constraints, foreign keys, checks (not PostgreSQL's NOT NULL pseudo-checks), comments, user
 * triggers, plain indexes (not those that back a primary key, a unique constraint or, where the
 * database adds them itself, a foreign key; not partial or expression indexes, which the model
 * cannot express), and sequences that do not back an identity or serial column. Concertina's own
 * tables and triggers ({@link OwnObjects}) are left out. Names are in the database's case;
 * constraint names the database generated are empty (each {@link LiveDialect} documents its rule).
 *
 * <p>The connection is left open, in its original schema. SchemaCrawler's java.util.logging
 * output is switched off.
 */
public final class LiveSchemaReader {

    /** Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> SILENCED = List.of(
            Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

    static {
        for (Logger l : SILENCED) {
            l.setLevel(Level.OFF);
            l.setUseParentHandlers(false);
        }
    }

    private static final String OWN_CHECK_SUFFIX = "_not_null";

    /** What SchemaCrawler reads; the rest comes from {@link LiveDialect#rows} over plain JDBC. */
    private static final List<InformationSchemaKey> VIEWS = List.of(
            InformationSchemaKey.TABLES, InformationSchemaKey.TRIGGERS, InformationSchemaKey.SEQUENCES);

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
                Catalog catalog = crawl(connection, live);
                Parts parts = Parts.read(connection, live);
                List<Sequence> extra = live.extraSequences(connection);
                return convert(catalog, parts, live, Normalizer.forDialect(dialect), extra);
            } finally {
                restore.restore();
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof ConcertinaException ce) throw ce;
            throw new ConcertinaException(ErrorCode.INTROSPECTION,
                    "read schema \"" + schemaName + "\" (" + dialect.label() + "): " + oneLine(e));
        }
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    // ------------------------------------------------------------------ SchemaCrawler

    private static Catalog crawl(Connection connection, LiveDialect live) {
        DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
        // Not closed: closing this source would close the caller's connection.

        InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder();
        for (InformationSchemaKey key : VIEWS) {
            if (key == InformationSchemaKey.SEQUENCES && !live.hasSequencesView()) continue;
            views.withSql(key, resource(live.folder(), key));
        }
        SchemaRetrievalOptionsBuilder retrieval = SchemaRetrievalOptionsBuilder
                .builder(SchemaCrawlerUtility.matchSchemaRetrievalOptions(source))
                .withInformationSchemaViews(views.toOptions());
        retrieval.with(SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy, MetadataRetrievalStrategy.data_dictionary_all);
        SchemaRetrievalOptions retrievalOptions = retrieval.toOptions();

        // Only what the model holds: no database info, data types, routines, privileges, views.
        SchemaInfoLevelBuilder level = SchemaInfoLevelBuilder.builder()
                .withTag("concertina")
                .setRetrieveTables(true)
                // Columns, keys, indexes and constraints are read beside SchemaCrawler (Parts), over
                // plain JDBC: SchemaCrawler sorts a copy of the result set's columns for every value
                // it reads (most of the read on large schemas, bench/scale/RESULTS.md), and with
                // foreign keys every crawl ends in a topological sort of the tables that is
                // O(levels × tables × keys) in 16.27.1 — minutes on a 2,000-table schema with a
                // deep chain of keys (bench/live-read/RESULTS.md).
                .setRetrieveTableColumns(false)
                .setRetrievePrimaryKeys(false)
                .setRetrieveForeignKeys(false)
                .setRetrieveIndexes(false)
                .setRetrieveTableConstraints(false)
                .setRetrieveTableConstraintDefinitions(false)
                .setRetrieveTriggerInformation(true)
                .setRetrieveSequenceInformation(live.hasSequencesView());

        LimitOptionsBuilder limit = LimitOptionsBuilder.builder()
                .includeSchemas(new RegularExpressionRule(".*", ""))
                .tableTypes("TABLE");
        if (live.hasSequencesView()) limit.includeAllSequences();

        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(limit.toOptions())
                // One connection is shared: keep SchemaCrawler on one thread.
                .withLoadOptions(LoadOptionsBuilder.builder().withSchemaInfoLevel(level.toOptions()).withMaxThreads(1).toOptions());
        return SchemaCrawlerUtility.getCatalog(source, retrievalOptions, options, new Config());
    }

    static String resource(String folder, InformationSchemaKey key) {
        return resource(folder, key.name());
    }

    /** The catalog query {@code <folder>/<name>.sql}. */
    static String resource(String folder, String name) {
        String path = "/dev/concertina/engine/live/" + folder + "/" + name + ".sql";
        try (InputStream in = LiveSchemaReader.class.getResourceAsStream(path)) {
            if (in == null) throw new ConcertinaException(ErrorCode.INTERNAL, "live reader: missing catalog query " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(ErrorCode.INTERNAL, "live reader: cannot read " + path + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ conversion

    /**
     * What the reader takes from plain JDBC, by table name: the rows of the dialect's
     * TABLE_COLUMNS, PRIMARY_KEYS, INDEXES, TABLE_CONSTRAINTS (+ CONSTRAINT_COLUMN_USAGE, CHECK_CONSTRAINTS)
     * and FOREIGN_KEYS queries ({@link LiveDialect#rows}), in the shapes SchemaCrawler documents for them.
     */
    private record Parts(Map<String, List<Map<String, String>>> columns, Map<String, List<Map<String, String>>> primaryKeys,
                         Map<String, List<Map<String, String>>> indexes, Map<String, List<Map<String, String>>> constraints,
                         Map<String, List<Map<String, String>>> constraintColumns, Map<String, String> checkClauses,
                         Map<String, List<ForeignKey>> foreignKeys) {

        static Parts read(Connection c, LiveDialect live) throws SQLException {
            Map<String, String> checks = new HashMap<>();
            for (Map<String, String> r : live.rows(c, InformationSchemaKey.CHECK_CONSTRAINTS)) {
                checks.put(r.get("CONSTRAINT_NAME"), r.get("CHECK_CLAUSE"));
            }
            return new Parts(CatalogRows.by(live.rows(c, InformationSchemaKey.TABLE_COLUMNS), "TABLE_NAME"),
                    CatalogRows.by(live.rows(c, InformationSchemaKey.PRIMARY_KEYS), "TABLE_NAME"),
                    CatalogRows.by(live.rows(c, InformationSchemaKey.INDEXES), "TABLE_NAME"),
                    CatalogRows.by(live.rows(c, InformationSchemaKey.TABLE_CONSTRAINTS), "TABLE_NAME"),
                    CatalogRows.by(live.rows(c, InformationSchemaKey.CONSTRAINT_COLUMN_USAGE), "CONSTRAINT_NAME"),
                    checks, LiveSchemaReader.foreignKeys(live.rows(c, InformationSchemaKey.FOREIGN_KEYS), live));
        }
    }

    /** Foreign keys by table from FOREIGN_KEYS rows (JDBC getImportedKeys() shape): one row per column pair. */
    private static Map<String, List<ForeignKey>> foreignKeys(List<Map<String, String>> rows, LiveDialect live) {
        record Pair(int seq, String column, String refColumn) {}
        record Key(String table, String name) {}
        Map<Key, List<Pair>> pairs = new LinkedHashMap<>();
        Map<Key, String[]> heads = new HashMap<>();
        for (Map<String, String> r : rows) {
            Key k = new Key(r.get("FKTABLE_NAME"), r.get("FK_NAME"));
            pairs.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new Pair(CatalogRows.integer(r, "KEY_SEQ", 0), r.get("FKCOLUMN_NAME"), r.get("PKCOLUMN_NAME")));
            heads.putIfAbsent(k, new String[] {r.get("PKTABLE_NAME"), r.get("DELETE_RULE"), r.get("UPDATE_RULE")});
        }
        Map<String, List<ForeignKey>> byTable = new HashMap<>();
        pairs.forEach((k, ps) -> {
            ps.sort(Comparator.comparingInt(Pair::seq));
            String[] h = heads.get(k);
            byTable.computeIfAbsent(k.table(), x -> new ArrayList<>()).add(new ForeignKey(k.name(),
                    ps.stream().map(Pair::column).toList(), h[0], ps.stream().map(Pair::refColumn).toList(),
                    live.action(rule(h[1])), live.action(rule(h[2])), Origin.DATABASE));
        });
        return byTable;
    }

    /** A JDBC rule code (DatabaseMetaData.importedKeyCascade …) as SchemaCrawler's enum. */
    private static ForeignKeyUpdateRule rule(String code) {
        switch (code == null ? "" : code.trim()) {
            case "0": return ForeignKeyUpdateRule.cascade;
            case "1": return ForeignKeyUpdateRule.restrict;
            case "2": return ForeignKeyUpdateRule.setNull;
            case "4": return ForeignKeyUpdateRule.setDefault;
            default: return ForeignKeyUpdateRule.noAction;
        }
    }

    private static Schema convert(Catalog catalog, Parts parts, LiveDialect live, Normalizer n, List<Sequence> extraSequences) {
        List<Table> tables = new ArrayList<>();
        for (schemacrawler.schema.Table t : catalog.getTables()) {
            if (OwnObjects.isOwnTable(t.getName())) continue;
            tables.add(table(t, parts, live, n));
        }
        List<Sequence> sequences = new ArrayList<>(extraSequences);
        for (schemacrawler.schema.Sequence s : catalog.getSequences()) {
            sequences.add(new Sequence(s.getName(), s.getStartValue() == null ? 1 : s.getStartValue().longValueExact(),
                    s.getIncrement(), Origin.DATABASE));
        }
        sequences.removeIf(s -> s.name().toLowerCase(Locale.ROOT).startsWith(OwnObjects.PREFIX));
        return new Schema(tables, sequences).sorted();
    }

    private static Table table(schemacrawler.schema.Table t, Parts parts, LiveDialect live, Normalizer n) {
        String name = t.getName();
        List<Map<String, String>> columnRows = new ArrayList<>(parts.columns().getOrDefault(name, List.of()));
        columnRows.sort(Comparator.comparingInt(r -> CatalogRows.integer(r, "ORDINAL_POSITION", 0)));
        List<String> columnNames = columnRows.stream().map(r -> r.get("COLUMN_NAME")).toList();

        List<Column> columns = new ArrayList<>();
        for (Map<String, String> c : columnRows) columns.add(column(c, n));

        Optional<PrimaryKey> pk = Optional.empty();
        List<Map<String, String>> pkRows = parts.primaryKeys().getOrDefault(name, List.of());
        if (!pkRows.isEmpty()) {
            List<String> cols = ordered(pkRows, "KEY_SEQ");
            String pkName = pkRows.get(0).get("PK_NAME");
            pk = Optional.of(new PrimaryKey(live.userName(LiveDialect.Kind.PRIMARY_KEY, name, cols, pkName == null ? "" : pkName, columnNames), cols));
        }

        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (Map<String, String> tc : parts.constraints().getOrDefault(name, List.of())) {
            String cname = tc.get("CC_NAME");
            if (cname == null) continue;
            String type = tc.get("CONSTRAINT_TYPE") == null ? "" : tc.get("CONSTRAINT_TYPE").toUpperCase(Locale.ROOT);
            if (type.equals("UNIQUE")) {
                List<String> cols = ordered(parts.constraintColumns().getOrDefault(tc.get("CONSTRAINT_NAME"), List.of()), "ORDINAL_POSITION");
                uniques.add(new UniqueConstraint(live.userName(LiveDialect.Kind.UNIQUE, name, cols, cname, columnNames), cols, Origin.DATABASE));
            } else if (type.equals("CHECK")) {
                String definition = parts.checkClauses().get(tc.get("CONSTRAINT_NAME"));
                if (definition == null || definition.isBlank()) continue;
                // PostgreSQL 15's information_schema lists every NOT NULL as a check "…_not_null"; never a user check.
                if (cname.endsWith(OWN_CHECK_SUFFIX) && definition.toUpperCase(Locale.ROOT).contains("IS NOT NULL")) continue;
                checks.add(new CheckConstraint(live.userName(LiveDialect.Kind.CHECK, name, List.of(), cname, columnNames),
                        n.check(definition), Origin.DATABASE));
            }
        }

        List<ForeignKey> readFks = parts.foreignKeys().getOrDefault(name, List.of());
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : readFks) {
            fks.add(new ForeignKey(live.userName(LiveDialect.Kind.FOREIGN_KEY, name, fk.columns(), fk.name(), columnNames),
                    fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), Origin.DATABASE));
        }

        List<Index> indexes = new ArrayList<>();
        for (List<Map<String, String>> ix : CatalogRows.by(parts.indexes().getOrDefault(name, List.of()), "INDEX_NAME").values()) {
            String ixName = ix.get(0).get("INDEX_NAME");
            if (ixName == null) continue;
            List<String> cols = ordered(ix, "ORDINAL_POSITION");
            boolean unique = !CatalogRows.bool(ix.get(0), "NON_UNIQUE");
            boolean backsFk = !unique
                    && readFks.stream().anyMatch(fk -> live.isForeignKeyIndex(ixName, cols, fk.name(), fk.columns()));
            if (backsFk) continue;
            indexes.add(new Index(live.userName(LiveDialect.Kind.INDEX, name, cols, ixName, columnNames), cols, unique, Origin.DATABASE));
        }

        List<Trigger> triggers = new ArrayList<>();
        for (schemacrawler.schema.Trigger tr : t.getTriggers()) {
            if (OwnObjects.isOwnTrigger(tr.getName())) continue;
            String events = tr.getEventManipulationTypes().stream().map(e -> e.name().toUpperCase(Locale.ROOT)).sorted().collect(Collectors.joining(","));
            triggers.add(new Trigger(tr.getName(), tr.getConditionTiming().name().toUpperCase(Locale.ROOT), events));
        }

        return n.table(new Table(name, columns, pk, uniques, indexes, fks, checks, text(t.getRemarks()), triggers, Origin.DATABASE));
    }

    /** The COLUMN_NAME values of {@code rows} in the order of their {@code position} column. */
    private static List<String> ordered(List<Map<String, String>> rows, String position) {
        List<Map<String, String>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> CatalogRows.integer(r, position, 0)));
        return sorted.stream().map(r -> r.get("COLUMN_NAME")).toList();
    }

    private static Column column(Map<String, String> c, Normalizer n) {
        // TYPE_NAME of our catalog SQL is the declared type with its facets (format_type, COLUMN_TYPE).
        String raw = c.get("TYPE_NAME");
        ColumnType type = n.type(raw, intAttr(c, "CC_LENGTH"), intAttr(c, "CC_PRECISION"), intAttr(c, "CC_SCALE"));
        String id = c.get("CC_IDENTITY");
        boolean identity = "YES".equalsIgnoreCase(id) || "TRUE".equalsIgnoreCase(id);
        // An identity / serial column's generator is its identity, not a default (PostgreSQL shows serial as nextval(…)).
        Optional<String> def = identity ? Optional.empty() : n.defaultValue(c.get("COLUMN_DEF"), type);
        boolean nullable = CatalogRows.integer(c, "NULLABLE", java.sql.DatabaseMetaData.columnNullableUnknown) == java.sql.DatabaseMetaData.columnNullable;
        return new Column(c.get("COLUMN_NAME"), type, nullable, def, identity, text(c.get("REMARKS")), Origin.DATABASE);
    }

    private static OptionalInt intAttr(Map<String, String> c, String key) {
        String v = c.get(key);
        if (v == null) return OptionalInt.empty();
        try {
            return OptionalInt.of(new java.math.BigDecimal(v).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> text(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
