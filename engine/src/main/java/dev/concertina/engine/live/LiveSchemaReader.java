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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import schemacrawler.schema.AttributedObject;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.TableConstraint;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schema.TableConstraintType;
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

    private static final List<InformationSchemaKey> VIEWS = List.of(
            InformationSchemaKey.TABLES, InformationSchemaKey.TABLE_COLUMNS, InformationSchemaKey.PRIMARY_KEYS,
            InformationSchemaKey.INDEXES, InformationSchemaKey.TABLE_CONSTRAINTS,
            InformationSchemaKey.CONSTRAINT_COLUMN_USAGE, InformationSchemaKey.CHECK_CONSTRAINTS,
            InformationSchemaKey.TRIGGERS, InformationSchemaKey.SEQUENCES);

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
                Map<String, List<ForeignKey>> fks = readForeignKeys(connection, live);
                List<Sequence> extra = live.extraSequences(connection);
                return convert(catalog, fks, live, Normalizer.forDialect(dialect), extra);
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
        for (SchemaInfoMetadataRetrievalStrategy s : List.of(
                SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy,
                SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
                SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy,
                SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy)) {
            retrieval.with(s, MetadataRetrievalStrategy.data_dictionary_all);
        }
        SchemaRetrievalOptions retrievalOptions = retrieval.toOptions();

        // Only what the model holds: no database info, data types, routines, privileges, views.
        SchemaInfoLevelBuilder level = SchemaInfoLevelBuilder.builder()
                .withTag("concertina")
                .setRetrieveTables(true)
                .setRetrieveTableColumns(true)
                .setRetrievePrimaryKeys(true)
                // Foreign keys are read beside SchemaCrawler (readForeignKeys): with them, every crawl
                // ends in a topological sort of the tables that is O(levels × tables × keys) in
                // 16.27.1 (TablesGraph / SimpleTopologicalSort) and cannot be switched off — minutes
                // on a 2,000-table schema with a deep chain of keys (bench/live-read/RESULTS.md).
                .setRetrieveForeignKeys(false)
                .setRetrieveIndexes(true)
                .setRetrieveTableConstraints(true)
                .setRetrieveTableConstraintDefinitions(true)
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

    private static String resource(String folder, InformationSchemaKey key) {
        String path = "/dev/concertina/engine/live/" + folder + "/" + key.name() + ".sql";
        try (InputStream in = LiveSchemaReader.class.getResourceAsStream(path)) {
            if (in == null) throw new ConcertinaException(ErrorCode.INTERNAL, "live reader: missing catalog query " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(ErrorCode.INTERNAL, "live reader: cannot read " + path + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ conversion

    /**
     * Foreign keys of the current schema by table, from the dialect's FOREIGN_KEYS catalog query
     * (JDBC getImportedKeys() shape) run over plain JDBC: one row per column pair.
     */
    private static Map<String, List<ForeignKey>> readForeignKeys(Connection connection, LiveDialect live) throws SQLException {
        record Pair(int seq, String column, String refColumn) {}
        record Key(String table, String name) {}
        Map<Key, List<Pair>> pairs = new LinkedHashMap<>();
        Map<Key, String[]> heads = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(resource(live.folder(), InformationSchemaKey.FOREIGN_KEYS));
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Key k = new Key(r.getString("FKTABLE_NAME"), r.getString("FK_NAME"));
                pairs.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(new Pair(r.getInt("KEY_SEQ"), r.getString("FKCOLUMN_NAME"), r.getString("PKCOLUMN_NAME")));
                heads.putIfAbsent(k, new String[] {r.getString("PKTABLE_NAME"), r.getString("DELETE_RULE"), r.getString("UPDATE_RULE")});
            }
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

    private static Schema convert(Catalog catalog, Map<String, List<ForeignKey>> fks, LiveDialect live, Normalizer n,
                                  List<Sequence> extraSequences) {
        List<Table> tables = new ArrayList<>();
        for (schemacrawler.schema.Table t : catalog.getTables()) {
            if (OwnObjects.isOwnTable(t.getName())) continue;
            tables.add(table(t, fks.getOrDefault(t.getName(), List.of()), live, n));
        }
        List<Sequence> sequences = new ArrayList<>(extraSequences);
        for (schemacrawler.schema.Sequence s : catalog.getSequences()) {
            sequences.add(new Sequence(s.getName(), s.getStartValue() == null ? 1 : s.getStartValue().longValueExact(),
                    s.getIncrement(), Origin.DATABASE));
        }
        sequences.removeIf(s -> s.name().toLowerCase(Locale.ROOT).startsWith(OwnObjects.PREFIX));
        return new Schema(tables, sequences).sorted();
    }

    private static Table table(schemacrawler.schema.Table t, List<ForeignKey> readFks, LiveDialect live, Normalizer n) {
        String name = t.getName();
        List<schemacrawler.schema.Column> scColumns = new ArrayList<>(t.getColumns());
        scColumns.sort(Comparator.comparingInt(schemacrawler.schema.Column::getOrdinalPosition));
        List<String> columnNames = scColumns.stream().map(schemacrawler.schema.Column::getName).toList();

        List<Column> columns = new ArrayList<>();
        for (schemacrawler.schema.Column c : scColumns) columns.add(column(c, n));

        Optional<PrimaryKey> pk = Optional.empty();
        if (t.getPrimaryKey() != null) {
            List<String> cols = constrained(t.getPrimaryKey());
            pk = Optional.of(new PrimaryKey(live.userName(LiveDialect.Kind.PRIMARY_KEY, name, cols, t.getPrimaryKey().getName(), columnNames), cols));
        }

        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (TableConstraint tc : t.getTableConstraints()) {
            String realName = attr(tc, "CC_NAME");
            if (realName == null) continue; // primary and foreign keys are read on their own
            String cname = realName;
            if (tc.getType() == TableConstraintType.unique) {
                List<String> cols = constrained(tc);
                uniques.add(new UniqueConstraint(live.userName(LiveDialect.Kind.UNIQUE, name, cols, cname, columnNames), cols, Origin.DATABASE));
            } else if (tc.getType() == TableConstraintType.check && tc.hasDefinition()) {
                // PostgreSQL 15's information_schema lists every NOT NULL as a check "…_not_null"; never a user check.
                if (cname.endsWith(OWN_CHECK_SUFFIX) && tc.getDefinition().toUpperCase(Locale.ROOT).contains("IS NOT NULL")) continue;
                checks.add(new CheckConstraint(live.userName(LiveDialect.Kind.CHECK, name, List.of(), cname, columnNames),
                        n.check(tc.getDefinition()), Origin.DATABASE));
            }
        }

        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : readFks) {
            fks.add(new ForeignKey(live.userName(LiveDialect.Kind.FOREIGN_KEY, name, fk.columns(), fk.name(), columnNames),
                    fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate(), Origin.DATABASE));
        }

        List<Index> indexes = new ArrayList<>();
        for (schemacrawler.schema.Index ix : t.getIndexes()) {
            List<IndexColumn> ics = new ArrayList<>(ix.getColumns());
            ics.sort(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition));
            List<String> cols = ics.stream().map(IndexColumn::getName).toList();
            boolean backsFk = !ix.isUnique()
                    && readFks.stream().anyMatch(fk -> live.isForeignKeyIndex(ix.getName(), cols, fk.name(), fk.columns()));
            if (backsFk) continue;
            indexes.add(new Index(live.userName(LiveDialect.Kind.INDEX, name, cols, ix.getName(), columnNames), cols, ix.isUnique(), Origin.DATABASE));
        }

        List<Trigger> triggers = new ArrayList<>();
        for (schemacrawler.schema.Trigger tr : t.getTriggers()) {
            if (OwnObjects.isOwnTrigger(tr.getName())) continue;
            String events = tr.getEventManipulationTypes().stream().map(e -> e.name().toUpperCase(Locale.ROOT)).sorted().collect(Collectors.joining(","));
            triggers.add(new Trigger(tr.getName(), tr.getConditionTiming().name().toUpperCase(Locale.ROOT), events));
        }

        return n.table(new Table(name, columns, pk, uniques, indexes, fks, checks, text(t.getRemarks()), triggers, Origin.DATABASE));
    }

    private static List<String> constrained(TableConstraint tc) {
        List<TableConstraintColumn> cs = new ArrayList<>(tc.getConstrainedColumns());
        cs.sort(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition));
        return cs.stream().map(TableConstraintColumn::getName).toList();
    }

    private static Column column(schemacrawler.schema.Column c, Normalizer n) {
        // TYPE_NAME of our catalog SQL is the declared type with its facets (format_type, COLUMN_TYPE).
        String raw = c.getColumnDataType().getName();
        ColumnType type = n.type(raw, intAttr(c, "CC_LENGTH"), intAttr(c, "CC_PRECISION"), intAttr(c, "CC_SCALE"));
        String id = attr(c, "CC_IDENTITY");
        boolean identity = "YES".equalsIgnoreCase(id) || "TRUE".equalsIgnoreCase(id);
        // An identity / serial column's generator is its identity, not a default (PostgreSQL shows serial as nextval(…)).
        Optional<String> def = identity ? Optional.empty() : n.defaultValue(c.getDefaultValue(), type);
        return new Column(c.getName(), type, c.isNullable(), def, identity, text(c.getRemarks()), Origin.DATABASE);
    }

    private static OptionalInt intAttr(schemacrawler.schema.Column c, String key) {
        String v = attr(c, key);
        if (v == null) return OptionalInt.empty();
        try {
            return OptionalInt.of(new java.math.BigDecimal(v).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    /** An extra column of our catalog SQL, which SchemaCrawler keeps as an attribute (upper-case key). */
    private static String attr(AttributedObject o, String key) {
        Object v = o.getAttribute(key);
        return v == null ? null : v.toString();
    }

    private static Optional<String> text(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
