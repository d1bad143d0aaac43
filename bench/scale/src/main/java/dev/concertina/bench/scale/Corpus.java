package dev.concertina.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A generated schema of {@code n} tables as JPA entity sources in two versions, v1 (what the
 * database is built from) and v2 (the models), and the drift planted between them.
 *
 * <p>Each table has an identity {@code id}, 4–10 columns of a realistic mix of types (varchar of
 * several lengths, int, bigint, numeric(12,2), boolean, date, timestamp, double, an enum stored as
 * a string), nullable or not, and with some probability named foreign keys to earlier tables, a
 * named unique constraint, a column-level unique and a named index. The drift touches disjoint
 * tables so that each planted change shows as exactly one change kind: added, dropped, widened
 * (varchar n→2n) and retyped (int→bigint) columns, nullability changes both ways, new indexes, new
 * tables (with a foreign key to a surviving table) and dropped tables (that nothing references).
 * Added and dropped columns never share a table and new tables share no column name with dropped
 * ones, so no planted pair looks like a rename. Deterministic for a given {@code n} and seed.
 */
final class Corpus {

    static final String PACKAGE = "bench.model";

    private static final String[] WORDS = {"account", "address", "invoice", "order", "product", "customer", "payment",
            "shipment", "ticket", "project", "member", "role", "grant", "region", "store", "supplier", "contract",
            "voucher", "review", "session", "device", "policy", "quota", "tenant", "domain", "credential", "endpoint",
            "service", "volume", "snapshot", "network", "subnet", "router", "port", "image", "flavor", "host", "zone"};

    enum Kind { VARCHAR, INT, BIGINT, NUMERIC, BOOL, DATE, TIMESTAMP, DOUBLE, ENUM }

    /** One column of a table (besides id and FK join columns). */
    static final class Col {
        final String name;
        Kind kind;
        int length;
        boolean nullable;
        boolean uniqueInline;

        Col(String name, Kind kind, int length, boolean nullable) {
            this.name = name;
            this.kind = kind;
            this.length = length;
            this.nullable = nullable;
        }

        Col copy() {
            Col c = new Col(name, kind, length, nullable);
            c.uniqueInline = uniqueInline;
            return c;
        }
    }

    record Fk(String column, String name, int target) {}

    record Ix(String name, String column, boolean unique) {}

    static final class Tbl {
        final String name;
        final String className;
        final String pk;
        final List<Col> cols = new ArrayList<>();
        final List<Fk> fks = new ArrayList<>();
        final List<Ix> indexes = new ArrayList<>();

        Tbl(String name, String className, String pk) {
            this.name = name;
            this.className = className;
            this.pk = pk;
        }

        Tbl copy() {
            Tbl t = new Tbl(name, className, pk);
            cols.forEach(c -> t.cols.add(c.copy()));
            t.fks.addAll(fks);
            t.indexes.addAll(indexes);
            return t;
        }

        Col col(String n) {
            return cols.stream().filter(c -> c.name.equals(n)).findFirst().orElseThrow();
        }

        /** Columns free for drift: not in an index, a unique or inline unique. */
        List<Col> plainCols() {
            Set<String> used = new HashSet<>();
            indexes.forEach(i -> used.add(i.column));
            List<Col> out = new ArrayList<>();
            for (Col c : cols) if (!used.contains(c.name) && !c.uniqueInline) out.add(c);
            return out;
        }
    }

    /** One planted change, as the plan should report it: kind, table, column/index/constraint name. */
    record Expected(String kind, String table, String name) {
        String key() {
            return kind + " " + table.toLowerCase(Locale.ROOT) + " " + name.toLowerCase(Locale.ROOT);
        }
    }

    final int n;
    final long seed;
    final List<Tbl> v1 = new ArrayList<>();
    final List<Tbl> v2 = new ArrayList<>();
    final List<Expected> expected = new ArrayList<>();

    private Corpus(int n, long seed) {
        this.n = n;
        this.seed = seed;
    }

    static Corpus generate(int n, long seed) {
        Corpus c = new Corpus(n, seed);
        c.build();
        return c;
    }

    private void build() {
        Random r = new Random(seed * 31 + n);
        for (int i = 0; i < n; i++) {
            String word = WORDS[i % WORDS.length];
            String name = String.format(Locale.ROOT, "t%04d_%s", i, word);
            Tbl t = new Tbl(name, className(name), "id");
            int ncols = 4 + r.nextInt(7);
            for (int k = 0; k < ncols; k++) {
                Kind kind = pickKind(r);
                String cname = String.format(Locale.ROOT, "c%d_%s", k, kind.name().toLowerCase(Locale.ROOT));
                int len = kind == Kind.VARCHAR ? new int[] {20, 50, 100, 255}[r.nextInt(4)] : 0;
                t.cols.add(new Col(cname, kind, len, r.nextInt(3) != 0));
            }
            if (i > 0 && r.nextInt(2) == 0) {
                int fkCount = r.nextInt(6) == 0 ? 2 : 1;
                for (int f = 0; f < fkCount; f++) {
                    int target = r.nextInt(i);
                    t.fks.add(new Fk("ref" + f + "_id", "fk_" + name + "_" + f, target));
                }
            }
            List<Col> varchars = t.cols.stream().filter(c -> c.kind == Kind.VARCHAR).toList();
            if (!varchars.isEmpty() && r.nextInt(5) == 0) {
                t.indexes.add(new Ix("uk_" + name, varchars.get(0).name, true));
            }
            if (r.nextInt(10) == 0) {
                Col c = t.cols.get(t.cols.size() - 1);
                if (t.indexes.stream().noneMatch(x -> x.column.equals(c.name)) && c.kind != Kind.ENUM) c.uniqueInline = true;
            }
            if (r.nextInt(10) < 3) {
                Col c = t.cols.get(1);
                if (t.indexes.stream().noneMatch(x -> x.column.equals(c.name)) && !c.uniqueInline) {
                    t.indexes.add(new Ix("ix_" + name, c.name, false));
                }
            }
            v1.add(t);
        }
        plantDrift(r);
    }

    private static Kind pickKind(Random r) {
        int p = r.nextInt(100);
        if (p < 35) return Kind.VARCHAR;
        if (p < 47) return Kind.INT;
        if (p < 57) return Kind.BIGINT;
        if (p < 65) return Kind.NUMERIC;
        if (p < 73) return Kind.BOOL;
        if (p < 80) return Kind.DATE;
        if (p < 90) return Kind.TIMESTAMP;
        if (p < 95) return Kind.DOUBLE;
        return Kind.ENUM;
    }

    private void plantDrift(Random r) {
        int each = Math.max(1, n / 20);
        int dropTables = Math.max(1, n / 50);
        int addTables = Math.max(1, n / 40);

        Set<Integer> referenced = new HashSet<>();
        v1.forEach(t -> t.fks.forEach(f -> referenced.add(f.target)));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, r);
        LinkedHashSet<Integer> free = new LinkedHashSet<>(order);

        // Dropped tables: nothing references them. None has a native enum column: codegen cannot yet
        // snapshot one for downgrade (no portable jOOQ type), which would leave codegen unmeasured on
        // H2 and MariaDB; RESULTS.md records that limitation.
        Set<Integer> dropped = new HashSet<>();
        for (Integer i : List.copyOf(free)) {
            if (dropped.size() == dropTables) break;
            if (!referenced.contains(i) && v1.get(i).cols.stream().noneMatch(c -> c.kind == Kind.ENUM)) {
                dropped.add(i);
                free.remove(i);
            }
        }
        for (Tbl t : v1) v2.add(t.copy());
        for (int i : dropped) {
            Tbl t = v1.get(i);
            expected.add(new Expected("drop_table", t.name, ""));
            t.fks.forEach(f -> expected.add(new Expected("drop_foreign_key", t.name, f.name)));
        }

        drift(free, each, r, t -> !t.plainCols().isEmpty(), t -> {           // added column
            t.cols.add(new Col("x_added", Kind.VARCHAR, 40, true));
            expected.add(new Expected("add_column", t.name, "x_added"));
        });
        // Dropped column: never an enum. On PostgreSQL its Hibernate CHECK has a database-generated
        // name; the plan then also lists a drop_check that codegen refuses (RESULTS.md, findings).
        drift(free, each, r, t -> t.plainCols().stream().filter(c -> c.kind != Kind.ENUM).count() >= 2, t -> {
            List<Col> candidates = t.plainCols().stream().filter(x -> x.kind != Kind.ENUM).toList();
            Col c = candidates.get(candidates.size() - 1);
            t.cols.remove(c);
            expected.add(new Expected("drop_column", t.name, c.name));
        });
        drift(free, each, r, t -> t.plainCols().stream().anyMatch(c -> c.kind == Kind.VARCHAR || c.kind == Kind.INT), t -> {  // retyped
            Col c = t.plainCols().stream().filter(x -> x.kind == Kind.VARCHAR || x.kind == Kind.INT).findFirst().orElseThrow();
            if (c.kind == Kind.VARCHAR) c.length = c.length * 2;
            else c.kind = Kind.BIGINT;
            expected.add(new Expected("alter_column", t.name, c.name));
        });
        drift(free, each, r, t -> !t.plainCols().isEmpty(), t -> {           // nullability, both ways
            Col c = t.plainCols().get(0);
            c.nullable = !c.nullable;
            expected.add(new Expected("alter_column", t.name, c.name));
        });
        drift(free, each, r, t -> t.plainCols().size() >= 2, t -> {           // new index
            Col c = t.plainCols().get(t.plainCols().size() - 1);
            String ix = "ixn_" + t.name;
            t.indexes.add(new Ix(ix, c.name, false));
            expected.add(new Expected("add_index", t.name, ix));
        });

        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!dropped.contains(i)) survivors.add(i);
        for (int k = 0; k < addTables; k++) {
            String name = String.format(Locale.ROOT, "n%04d_%s", k, WORDS[(k * 7) % WORDS.length]);
            Tbl t = new Tbl(name, className(name), "nid");
            t.cols.add(new Col("n_title", Kind.VARCHAR, 120, false));
            t.cols.add(new Col("n_amount", Kind.NUMERIC, 0, true));
            t.cols.add(new Col("n_created", Kind.TIMESTAMP, 0, false));
            int target = survivors.get(r.nextInt(survivors.size()));
            t.fks.add(new Fk("nref_id", "fkn_" + name, target));
            v2.add(t);
            expected.add(new Expected("add_table", name, ""));
            expected.add(new Expected("add_foreign_key", name, "fkn_" + name));
        }
        // Remove dropped tables from v2 last: indexes of v2 follow v1's up to here.
        List<Tbl> keep = new ArrayList<>();
        for (int i = 0; i < v2.size(); i++) if (i >= n || !dropped.contains(i)) keep.add(v2.get(i));
        v2.clear();
        v2.addAll(keep);
    }

    private void drift(LinkedHashSet<Integer> free, int count, Random r, java.util.function.Predicate<Tbl> fits,
                       java.util.function.Consumer<Tbl> apply) {
        int done = 0;
        for (Integer i : List.copyOf(free)) {
            if (done == count) break;
            Tbl t = v2.get(i);
            if (!fits.test(t)) continue;
            apply.accept(t);
            free.remove(i);
            done++;
        }
    }

    private static String className(String table) {
        StringBuilder s = new StringBuilder();
        for (String part : table.split("_")) s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return s.toString();
    }

    // ------------------------------------------------------------------ sources

    /** Writes the entity sources of {@code tables} below {@code root} (a source root). */
    static void writeSources(List<Tbl> tables, List<Tbl> byIndex, Path root) throws IOException {
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Status.java"), "package " + PACKAGE + ";\n\npublic enum Status { ACTIVE, SUSPENDED, CLOSED }\n",
                StandardCharsets.UTF_8);
        for (Tbl t : tables) {
            Files.writeString(dir.resolve(t.className + ".java"), source(t, byIndex), StandardCharsets.UTF_8);
        }
    }

    private static String source(Tbl t, List<Tbl> byIndex) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import jakarta.persistence.*;\n\n");
        s.append("@Entity\n@Table(name = \"").append(t.name).append('"');
        List<Ix> uniques = t.indexes.stream().filter(Ix::unique).toList();
        List<Ix> plain = t.indexes.stream().filter(i -> !i.unique()).toList();
        if (!uniques.isEmpty()) {
            s.append(",\n    uniqueConstraints = {");
            for (int i = 0; i < uniques.size(); i++) {
                s.append(i == 0 ? "" : ", ").append("@UniqueConstraint(name = \"").append(uniques.get(i).name())
                        .append("\", columnNames = \"").append(uniques.get(i).column()).append("\")");
            }
            s.append('}');
        }
        if (!plain.isEmpty()) {
            s.append(",\n    indexes = {");
            for (int i = 0; i < plain.size(); i++) {
                s.append(i == 0 ? "" : ", ").append("@Index(name = \"").append(plain.get(i).name())
                        .append("\", columnList = \"").append(plain.get(i).column()).append("\")");
            }
            s.append('}');
        }
        s.append(")\npublic class ").append(t.className).append(" {\n\n");
        s.append("    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = \"").append(t.pk).append("\")\n");
        s.append("    Long ").append(field(t.pk)).append(";\n\n");
        for (Col c : t.cols) {
            StringBuilder ann = new StringBuilder("@Column(name = \"").append(c.name).append('"');
            if (!c.nullable) ann.append(", nullable = false");
            if (c.uniqueInline) ann.append(", unique = true");
            String type;
            switch (c.kind) {
                case VARCHAR -> { ann.append(", length = ").append(c.length); type = "String"; }
                case INT -> type = "Integer";
                case BIGINT -> type = "Long";
                case NUMERIC -> { ann.append(", precision = 12, scale = 2"); type = "java.math.BigDecimal"; }
                case BOOL -> type = "Boolean";
                case DATE -> type = "java.time.LocalDate";
                case TIMESTAMP -> type = "java.time.LocalDateTime";
                case DOUBLE -> type = "Double";
                case ENUM -> { ann.append(", length = 16"); type = "Status"; }
                default -> throw new IllegalStateException();
            }
            ann.append(')');
            if (c.kind == Kind.ENUM) s.append("    @Enumerated(EnumType.STRING)\n");
            s.append("    ").append(ann).append('\n');
            s.append("    ").append(type).append(' ').append(field(c.name)).append(";\n\n");
        }
        for (Fk f : t.fks) {
            Tbl target = byIndex.get(f.target());
            s.append("    @ManyToOne(fetch = FetchType.LAZY)\n");
            s.append("    @JoinColumn(name = \"").append(f.column()).append("\", foreignKey = @ForeignKey(name = \"")
                    .append(f.name()).append("\"))\n");
            s.append("    ").append(target.className).append(' ').append(field(f.column())).append(";\n\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static String field(String column) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') { up = true; continue; }
            s.append(up ? Character.toUpperCase(ch) : ch);
            up = false;
        }
        return s.toString();
    }

    /** The planted drift as JSON lines, for the record. */
    String expectedJson() {
        StringBuilder s = new StringBuilder("{\"n\": ").append(n).append(", \"seed\": ").append(seed).append(", \"changes\": [\n");
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            s.append("  {\"kind\": \"").append(e.kind()).append("\", \"table\": \"").append(e.table())
                    .append("\", \"name\": \"").append(e.name()).append("\"}").append(i + 1 < expected.size() ? ",\n" : "\n");
        }
        return s.append("]}\n").toString();
    }
}
