package dev.concertina.entities.internal;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.dialect.unique.CreateTableUniqueDelegate;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.UniqueKey;

/**
 * Hibernate's boot metamodel → the neutral {@link Schema}, as the DDL Hibernate generates for that
 * dialect would leave it in the database. Every rule here mirrors what Hibernate's schema exporter
 * does with the same metamodel; each says why.
 */
public final class MetamodelReader {

    private final BootedModel model;
    private final Metadata metadata;
    private final org.hibernate.dialect.Dialect hibernateDialect;
    private final Dialect dialect;
    private final Normalizer normalizer;
    private final Origins origins;
    /** What each attribute writes, read from the class files (what it leaves at JPA's defaults is not asserted). */
    private final DeclaredAttributes declared;
    /** Stored names written quoted, and those written unquoted (stored name → as written), to tell them apart in codegen. */
    private final Set<String> quoted = new TreeSet<>();

    private final Map<String, String> unquoted = new HashMap<>();
    /** Stored names written unquoted in two spellings ({@code Person}, {@code PERSON}): no one spelling to keep. */
    private final Set<String> respelled = new TreeSet<>();
    /** Unique-key names Hibernate made up (alter-table dialects), once per table that has them. */
    private final List<String> implicitUniques = new ArrayList<>();
    /** Unquoted column spellings per table ({@link Schema#columnKey}), for respelled column names. */
    private final Map<String, String> columnSpellings = new HashMap<>();
    /** What the entities state that the target database cannot hold ({@link Schema#notes()}). */
    private final List<String> notes = new ArrayList<>();

    public MetamodelReader(BootedModel model) {
        this.model = model;
        this.metadata = model.metadata();
        this.hibernateDialect = metadata.getDatabase().getDialect();
        this.dialect = model.target().dialect();
        this.normalizer = Normalizer.forDialect(dialect);
        this.origins = new Origins(metadata);
        this.declared = new DeclaredAttributes(model.classLoader());
    }

    public Schema read() {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Map<String, Origin> sequenceOrigins = SequenceOrigins.of(model.classes(), metadata);
        for (Namespace ns : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table t : ns.getTables()) {
                // The exporter skips what is not a real table: views, @Subselect, and the abstract
                // root of a TABLE_PER_CLASS hierarchy (queried as a union, never created).
                if (!t.isPhysicalTable() || t.isAbstractUnionTable() || t.isView()) {
                    continue;
                }
                requireDefaultNamespace(ns, origins.table(t), t.getName());
                tables.add(table(t));
            }
            for (org.hibernate.boot.model.relational.Sequence s : ns.getSequences()) {
                String name = fold(s.getName().getSequenceName());
                requireDefaultNamespace(
                        ns, sequenceOrigins.getOrDefault(name.toLowerCase(Locale.ROOT), Origin.UNKNOWN), name);
                sequences.add(new Sequence(
                        name,
                        s.getInitialValue(),
                        s.getIncrementSize(),
                        sequenceOrigins.getOrDefault(name.toLowerCase(Locale.ROOT), Origin.UNKNOWN)));
            }
        }
        requireOneWayPerName();
        tables = unnameSharedUniques(tables);
        Map<String, String> spellings = new TreeMap<>(unquoted);
        spellings.keySet().removeAll(respelled);
        columnSpellings.forEach((key, spelling) -> {
            if (respelled.contains(key.substring(key.indexOf('\u0000') + 1))) {
                spellings.put(key, spelling);
            }
        });
        return new Schema(tables, sequences, quoted, spellings, notes).sorted();
    }

    /**
     * A unique-key name Hibernate made up and gave to several tables (the keys a TABLE_PER_CLASS
     * root copies onto each concrete table) is legal on MariaDB, where such names are per table,
     * but not on H2 or PostgreSQL, where they are per schema. Held unnamed, as there, it is named
     * by each database a generated class runs on; the diff pairs it by its columns.
     */
    private List<Table> unnameSharedUniques(List<Table> tables) {
        Set<String> seen = new java.util.HashSet<>();
        Set<String> shared = new java.util.HashSet<>();
        for (String name : implicitUniques) {
            if (!seen.add(name)) {
                shared.add(name);
            }
        }
        if (shared.isEmpty()) {
            return tables;
        }
        return tables.stream()
                .map(t -> t.withUniques(t.uniques().stream()
                        .map(u -> shared.contains(u.name()) ? new UniqueConstraint("", u.columns(), u.origin()) : u)
                        .toList()))
                .toList();
    }

    /**
     * Generated migrations know a name by its stored text alone (codegen's {@code NamePolicy}), so
     * one text cannot be quoted in one place (kept exactly on every database) and unquoted in
     * another (folded per database): on some database the two would have to differ.
     */
    private void requireOneWayPerName() {
        for (String name : quoted) {
            String plain = unquoted.get(name);
            if (plain != null) {
                throw new ConcertinaException(
                        ErrorCode.MODEL,
                        "name \"" + name + "\" is quoted in one mapping and unquoted (" + plain
                                + ") in another; generated migrations write each name one way: quote it everywhere or nowhere");
            }
        }
    }

    private void requireDefaultNamespace(Namespace ns, Origin origin, String name) {
        if (ns == metadata.getDatabase().getDefaultNamespace()) {
            // hibernate.default_schema / default_catalog: the schema Concertina reads (the connection's).
            return;
        }
        Identifier catalog = ns.getName().catalog();
        Identifier schema = ns.getName().schema();
        if (catalog != null || schema != null) {
            String where = (catalog != null ? "catalog \"" + catalog.getText() + "\"" : "")
                    + (catalog != null && schema != null ? ", " : "")
                    + (schema != null ? "schema \"" + schema.getText() + "\"" : "");
            throw new ConcertinaException(
                    ErrorCode.MODEL,
                    origin + ": \"" + name + "\" is mapped to " + where
                            + "; Concertina reads one schema, so entities must use the default one"
                            + " (or set hibernate.default_schema to it, and connect to that schema)");
        }
    }

    private Table table(org.hibernate.mapping.Table t) {
        Origin tableOrigin = origins.table(t);
        String tableName = fold(t.getNameIdentifier());
        boolean inlineUniques = hibernateDialect.getUniqueDelegate() instanceof CreateTableUniqueDelegate;
        Set<Column> pkColumns = t.hasPrimaryKey() ? Set.copyOf(t.getPrimaryKey().getColumns()) : Set.of();

        List<dev.concertina.engine.model.Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (Column c : t.getColumns()) {
            Origin origin = declared.declare(origins.column(t, c), c.getSqlType() != null);
            columns.add(column(t, c, pkColumns.contains(c), origin));
            if (!c.isQuoted()) {
                columnSpellings.put(Schema.columnKey(tableName, fold(c)), c.getName());
            }
            if (c.isUnique() && !pkColumns.contains(c)) {
                // @Column(unique=true), @OneToOne: an inline "unique" on H2/PostgreSQL (the database
                // names it), an "alter table … add constraint UK… unique" elsewhere (Hibernate's name).
                String name = inlineUniques
                        ? ""
                        : constraintName(
                                c.getUniqueKeyName() != null ? c.getUniqueKeyName() : uniqueKeyNameFallback(t, c));
                if (!name.isEmpty()) {
                    implicitUniques.add(name);
                }
                uniques.add(new UniqueConstraint(name, List.of(fold(c)), origin));
            }
            if (hibernateDialect.supportsColumnCheck()) {
                for (org.hibernate.mapping.CheckConstraint ck : c.getCheckConstraints()) {
                    // Anonymous column checks are named by the database (MariaDB uses the column name,
                    // PostgreSQL <table>_<column>_check, H2 CONSTRAINT_xx): system-generated.
                    checks.add(new CheckConstraint(
                            ck.isNamed() ? constraintName(ck.getName()) : "",
                            normalizer.check(ck.getConstraint()),
                            origin));
                }
            }
        }
        if (hibernateDialect.supportsTableCheck()) {
            for (org.hibernate.mapping.CheckConstraint ck : t.getChecks()) {
                checks.add(new CheckConstraint(
                        ck.isNamed() ? constraintName(ck.getName()) : "",
                        normalizer.check(ck.getConstraint()),
                        tableOrigin));
            }
        }
        for (UniqueKey uk : t.getUniqueKeys().values()) {
            List<String> cols = uk.getColumns().stream().map(this::fold).toList();
            if (uk.getColumns().size() == 1 && isColumnUnique(t, uk.getColumn(0))) {
                continue; // already the column's own unique (see above)
            }
            if (t.hasPrimaryKey() && t.getPrimaryKey().getColumns().equals(uk.getColumns())) {
                continue; // Hibernate drops a unique key that repeats the primary key
            }
            // Create-table delegates write "constraint <name>" only for an explicit name; the
            // alter-table delegate always names the constraint (explicit or Hibernate's UK… hash).
            String name = inlineUniques && !uk.isNameExplicit() ? "" : constraintName(uk.getName());
            if (!uk.isNameExplicit() && !name.isEmpty()) {
                implicitUniques.add(name);
            }
            uniques.add(new UniqueConstraint(name, cols, common(t, uk.getColumns(), tableOrigin)));
        }
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index ix : t.getIndexes().values()) {
            List<Column> ixColumns = new ArrayList<>();
            for (org.hibernate.mapping.Selectable s : ix.getSelectables()) {
                if (!(s instanceof Column)) {
                    // An expression index (@Formula selectable): the model lists columns only.
                    throw new ConcertinaException(
                            ErrorCode.MODEL,
                            tableOrigin + ": index " + ix.getName() + " on an expression is not supported");
                }
                ixColumns.add((Column) s);
            }
            List<String> cols = ixColumns.stream().map(this::fold).toList();
            // @Index(columnList = "a desc, b"): the key order, as the live reader canonicalises it.
            List<String> order = ixColumns.stream()
                    .map(c -> {
                        String o = ix.getColumnOrderMap()
                                .getOrDefault(c, "")
                                .trim()
                                .toUpperCase(Locale.ROOT);
                        return o.equals("DESC") ? "DESC" : "";
                    })
                    .toList();
            indexes.add(new Index(
                    constraintName(ix.getName()),
                    cols,
                    ix.isUnique(),
                    common(t, ixColumns, tableOrigin),
                    new dev.concertina.engine.model.IndexDetails(order, Set.of(), Optional.empty(), "", List.of())));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : t.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled()
                    || !fk.isPhysicalConstraint()
                    || fk.getReferencedTable() == null
                    || fk.getReferencedTable().isAbstractUnionTable()
                    || !fk.getReferencedTable().isPhysicalTable()) {
                continue; // @ForeignKey(NO_CONSTRAINT), or a target with no real table: no DDL
            }
            List<Column> referenced = fk.isReferenceToPrimaryKey()
                    ? fk.getReferencedTable().getPrimaryKey().getColumns()
                    : fk.getReferencedColumns();
            fks.add(new ForeignKey(
                    constraintName(fk.getName()),
                    fk.getColumns().stream().map(this::fold).toList(),
                    fold(fk.getReferencedTable().getNameIdentifier()),
                    referenced.stream().map(this::fold).toList(),
                    HibernateCodes.onDelete(fk.getOnDeleteAction()),
                    ReferentialAction.NO_ACTION,
                    common(t, fk.getColumns(), tableOrigin)));
        }
        Optional<PrimaryKey> pk = t.hasPrimaryKey()
                // Hibernate writes "primary key (…)" without a name; its own PK names never reach the database.
                ? Optional.of(new PrimaryKey(
                        "",
                        t.getPrimaryKey().getColumns().stream().map(this::fold).toList()))
                : Optional.empty();
        Optional<String> comment = Optional.ofNullable(t.getComment()).filter(s -> !s.isEmpty());
        return normalizer.table(
                new Table(tableName, columns, pk, uniques, indexes, fks, checks, comment, List.of(), tableOrigin));
    }

    private dev.concertina.engine.model.Column column(
            org.hibernate.mapping.Table t, Column c, boolean inPrimaryKey, Origin origin) {
        String explicit = c.getSqlType();
        ColumnDefinition def;
        ColumnType type;
        try {
            def = ColumnDefinition.split(explicit != null ? explicit : c.getSqlType(metadata));
            Optional<ColumnType> namedEnum =
                    explicit == null ? NamedEnums.of(c, def.type(), dialect) : Optional.empty();
            // Hibernate writes a basic array the SQL standard's way ("varchar(255) array"); the
            // normaliser reads PostgreSQL's "varchar(255)[]", the same type.
            String typeText = def.type().replaceFirst("(?i)\\s+array$", "[]");
            type = namedEnum.orElseGet(() -> normalizer.type(typeText));
            if (type.kind() == TypeKind.LARGE_OBJECT) {
                // The database cannot tell what a large object holds; the mapping can, and codegen
                // needs it for databases that store text and bytes in different types.
                type = type.withContent(
                        HibernateCodes.isCharacter(c.getSqlTypeCode(metadata)) ? TypeKind.CLOB : TypeKind.BLOB);
            }
            if (explicit == null && namedEnum.isEmpty()) {
                type = PortableMapping.of(c, type, hibernateDialect, metadata)
                        .map(type::withMapped)
                        .orElse(type);
            }
        } catch (ConcertinaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConcertinaException(
                    ErrorCode.MODEL, origin + ": column " + c.getName() + ": " + ModelErrors.oneLine(e), e);
        }
        // A primary key column is NOT NULL in every database whatever the mapping says.
        boolean nullable = c.isNullable() && !inPrimaryKey && !def.notNull();
        String rawDefault = c.getDefaultValue() != null
                ? c.getDefaultValue()
                : def.defaultValue().orElse(null);
        Optional<String> defaultValue = c.isIdentity() ? Optional.empty() : normalizer.defaultValue(rawDefault, type);
        Optional<String> comment = Optional.ofNullable(c.getComment()).filter(s -> !s.isEmpty());
        return new dev.concertina.engine.model.Column(
                fold(c),
                type,
                nullable,
                defaultValue,
                c.isIdentity(),
                comment,
                origin,
                StatedDetails.of(t, c, origin, dialect, normalizer, notes));
    }

    private static boolean isColumnUnique(org.hibernate.mapping.Table t, Column c) {
        if (c.isUnique()) {
            return true;
        }
        Column own = t.getColumn(c);
        return own != null && own.isUnique();
    }

    /** The name Hibernate gives a column's unique key when the naming strategy gave none. */
    private String uniqueKeyNameFallback(org.hibernate.mapping.Table t, Column c) {
        return org.hibernate.boot.model.naming.NamingHelper.INSTANCE.generateHashedConstraintName(
                "UK", t.getNameIdentifier(), List.of(c.getNameIdentifier(metadata.getDatabase())));
    }

    /** The origin shared by all {@code cols}, or the table's when they come from different attributes. */
    private Origin common(org.hibernate.mapping.Table t, List<Column> cols, Origin fallback) {
        Set<Origin> seen = new LinkedHashSet<>();
        for (Column c : cols) {
            seen.add(origins.column(t, c));
        }
        return seen.size() == 1 ? seen.iterator().next() : fallback;
    }

    // ------------------------------------------------------------------ names

    private String fold(Identifier id) {
        return name(id.getText(), id.isQuoted());
    }

    private String fold(Column c) {
        return name(c.getName(), c.isQuoted());
    }

    /** The stored name, remembering whether it was quoted ({@link Schema#quotedNames()}). */
    private String name(String text, boolean isQuoted) {
        if (isQuoted) {
            quoted.add(text);
            return text;
        }
        String stored = dialect.foldUnquoted(text);
        String before = unquoted.putIfAbsent(stored, text);
        if (before != null && !before.equals(text)) {
            respelled.add(stored);
        }
        return stored;
    }

    private String constraintName(String name) {
        return name == null || name.isEmpty() ? "" : fold(Identifier.toIdentifier(name));
    }
}
