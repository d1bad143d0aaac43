package dev.concertina.samples.identity;

import dev.concertina.engine.model.Schema;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One release of the identity sample's entity model: the compiled classes of module
 * {@code model-vN}. The three versions share one package, so each is loaded on its own (the
 * entity reader gives every read a class loader of its own; {@link #loadEntities} does the same
 * for reflection).
 */
enum ModelVersion {
    V1, V2, V3;

    static final String PACKAGE = "dev.concertina.samples.identity.model";

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> SCRIPTS = new ConcurrentHashMap<>();

    /** {@code v1}, {@code v2}, {@code v3}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The module's {@code target/classes} (the surefire configuration points at it). */
    Path classes() {
        String key = "identity.model." + label();
        String dir = System.getProperty(key);
        if (dir == null) {
            throw new IllegalStateException("system property " + key + " is not set: run the tests through Maven");
        }
        Path p = Path.of(dir).normalize();
        if (!Files.isDirectory(p.resolve(PACKAGE.replace('.', '/')))) {
            throw new IllegalStateException("no compiled model at " + p + ": build module model-" + label() + " first");
        }
        return p;
    }

    /** The module's Java sources. */
    Path sources() {
        return sampleDirectory().resolve(Path.of("model-" + label(), "src", "main", "java"));
    }

    /** {@code samples/identity}: the model modules, README and {@code concertina.ignore}. */
    static Path sampleDirectory() {
        String dir = System.getProperty("identity.sample.dir");
        if (dir == null) {
            throw new IllegalStateException("system property identity.sample.dir is not set: run the tests through Maven");
        }
        return Path.of(dir).normalize();
    }

    EntitySource source() {
        return EntitySource.packages(List.of(classes()), PACKAGE);
    }

    /** The schema the entities describe on {@code dialect}, read once per run (a read boots Hibernate). */
    Schema schema(Dialect dialect) {
        return SCHEMAS.computeIfAbsent(name() + "/" + dialect, k -> new EntitySchemaReader(TargetDatabase.of(dialect)).read(source()));
    }

    /** Hibernate's own create script for {@code dialect}, made once per run. */
    List<String> hibernateDdl(Dialect dialect) {
        return SCRIPTS.computeIfAbsent(name() + "/" + dialect, k -> EntityDdl.createScript(source(), TargetDatabase.of(dialect)));
    }

    /** Runs Hibernate's create script for this version on {@code db}, failing with the statement that failed. */
    void createSchema(FreshDatabase db) throws SQLException {
        DbKind kind = db.kind();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : hibernateDdl(dialect(kind))) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError(label() + " on " + kind.label() + ": " + e.getMessage() + "\n  in: " + sql, e);
                }
            }
        }
    }

    /** The classes of this version, in a fresh class loader the caller closes. */
    LoadedModel loadEntities() {
        Path root = classes();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("-"))
                    .forEach(f -> {
                        String rel = root.relativize(f).toString();
                        names.add(rel.substring(0, rel.length() - ".class".length()).replace(f.getFileSystem().getSeparator(), "."));
                    });
            URLClassLoader loader = new URLClassLoader("identity-" + label(), new URL[] {root.toUri().toURL()},
                    ModelVersion.class.getClassLoader());
            List<Class<?>> classes = new ArrayList<>();
            for (String n : names.stream().sorted().toList()) {
                classes.add(Class.forName(n, false, loader));
            }
            return new LoadedModel(loader, List.copyOf(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dialect dialect(DbKind kind) {
        return Dialect.valueOf(kind.name());
    }

    /** The loaded classes of one version; closing releases the class loader. */
    record LoadedModel(URLClassLoader loader, List<Class<?>> classes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            loader.close();
        }
    }
}
