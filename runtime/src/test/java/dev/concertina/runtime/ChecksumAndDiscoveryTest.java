package dev.concertina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums follow what a migration does, not how it was compiled; migrations are found in
 * directories and in jars.
 */
class ChecksumAndDiscoveryTest {

    private static final String G1 = """
            package gen.mig;

            import dev.concertina.runtime.*;
            import org.jooq.impl.DSL;
            import org.jooq.impl.SQLDataType;

            @Revision(id = "g1", branch = Branch.EXPAND, message = "generated")
            public class G1 implements Migration {
                @Override
                public void upgrade(MigrationContext ctx) {
                    String column = "col_" + ctx.dialect().label();
                    ctx.dsl().createTable(DSL.name("t")).column(DSL.name(column), SQLDataType.%s).execute();
                    ctx.dsl().insertInto(DSL.table(DSL.name("t"))).columns(DSL.field(DSL.name(column))).values(42).execute();
                }

                @Override
                public void downgrade(MigrationContext ctx) {
                    ctx.dsl().dropTable(DSL.name("t")).execute();
                }

                /** Not a revision: nested classes are skipped. */
                public static class Helper {}
            }
            """;

    /** The same migration, reformatted and commented: the checksum must not notice. */
    private static final String G1_REFORMATTED = """
            package gen.mig;
            import dev.concertina.runtime.*; import org.jooq.impl.DSL; import org.jooq.impl.SQLDataType;
            // reformatted by someone's IDE
            @Revision(id = "g1", branch = Branch.EXPAND,
                      message = "generated")
            public class G1 implements Migration {
                @Override public void upgrade(MigrationContext ctx) {
                    String column
                        = "col_"
                        + ctx.dialect().label();
                    ctx.dsl()
                       .createTable(DSL.name("t"))
                       .column(DSL.name(column), SQLDataType.%s)
                       .execute();
                    ctx.dsl().insertInto(DSL.table(DSL.name("t")))
                       .columns(DSL.field(DSL.name(column))).values(42).execute();
                }
                @Override public void downgrade(MigrationContext ctx) { ctx.dsl().dropTable(DSL.name("t")).execute(); }
                public static class Helper {}
            }
            """;

    private static final String G2 = """
            package gen.mig.sub;

            import dev.concertina.runtime.*;

            @Revision(id = "g2", parent = "g1", branch = Branch.EXPAND)
            public class G2 implements Migration {
                @Override
                public void upgrade(MigrationContext ctx) {}
            }
            """;

    private static final String NOT_A_REVISION = """
            package gen.mig;

            public abstract class Base implements dev.concertina.runtime.Migration {}
            """;

    @TempDir
    static Path tmp;

    /** javac is slow on a busy machine: each distinct compilation runs once per class. */
    private static final java.util.Map<String, Path> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Path compile(String name, String g1Source, String type, String... options) throws IOException {
        Path done = COMPILED.get(name);
        if (done != null) {
            return done;
        }
        Path src = tmp.resolve(name + "-src");
        Path out = tmp.resolve(name + "-classes");
        Files.createDirectories(src.resolve("gen/mig/sub"));
        Files.createDirectories(out);
        Files.writeString(src.resolve("gen/mig/G1.java"), g1Source.formatted(type));
        Files.writeString(src.resolve("gen/mig/sub/G2.java"), G2);
        Files.writeString(src.resolve("gen/mig/Base.java"), NOT_A_REVISION);
        // What generated migrations compile against: runtime and jOOQ (whose API mentions reactive streams).
        String classpath = String.join(java.io.File.pathSeparator, location(Revision.class), location(DSL.class),
                location(org.reactivestreams.Publisher.class));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classpath, "-proc:none"));
        args.addAll(Arrays.asList(options));
        args.add(src.resolve("gen/mig/G1.java").toString());
        args.add(src.resolve("gen/mig/sub/G2.java").toString());
        args.add(src.resolve("gen/mig/Base.java").toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, err, err, args.toArray(String[]::new));
        assertEquals(0, rc, "compiles with " + Arrays.toString(options) + ": " + err);
        COMPILED.put(name, out);
        return out;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MigrationSource scan(Path classpathEntry) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {classpathEntry.toUri().toURL()}, ChecksumAndDiscoveryTest.class.getClassLoader());
        return MigrationSource.scan(loader, "gen.mig");
    }

    private static String checksumOfG1(Path classes) throws IOException {
        ResolvedMigration g1 = scan(classes).all().stream().filter(m -> m.id().equals("g1")).findFirst().orElseThrow();
        return g1.checksum(Dialect.POSTGRES);
    }

    @Test
    void checksumIsTheSameAcrossCompilerSettingsAndFormatting() throws Exception {
        Path a = compile("a", G1, "INTEGER", "--release", "17", "-g");
        Path b = compile("b", G1_REFORMATTED, "INTEGER", "-source", "17", "-target", "17", "-g:none", "-XDstringConcat=inline", "-parameters");
        // The class files really differ (debug tables, string concatenation strategy, line numbers)...
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("gen/mig/G1.class")), Files.readAllBytes(b.resolve("gen/mig/G1.class"))));
        // ...and the checksum does not care.
        assertEquals(checksumOfG1(a), checksumOfG1(b));
    }

    @Test
    void checksumChangesWhenTheSqlChanges() throws Exception {
        Path a = compile("a", G1, "INTEGER", "--release", "17", "-g");
        Path c = compile("c", G1, "BIGINT", "--release", "17");
        assertNotEquals(checksumOfG1(a), checksumOfG1(c));
        // It depends on the dialect the SQL is rendered for, which never changes for a database.
        ResolvedMigration g1 = scan(a).all().get(0);
        assertNotEquals(g1.checksum(Dialect.POSTGRES), g1.checksum(Dialect.MARIADB));
        assertEquals(g1.checksum(Dialect.H2), g1.checksum(Dialect.H2));
    }

    @Test
    void findsRevisionsInADirectoryWithSubpackages() throws Exception {
        Path classes = compile("a", G1, "INTEGER", "--release", "17", "-g");
        List<ResolvedMigration> found = scan(classes).all();
        assertEquals(List.of("g1", "g2"), found.stream().map(ResolvedMigration::id).toList());
        assertEquals("gen.mig.G1", found.get(0).source());
        assertEquals("generated", found.get(0).message());
        MigrationGraph graph = MigrationGraph.of(found);
        assertEquals("g2", graph.head(Branch.EXPAND).orElseThrow().id());
    }

    @Test
    void findsRevisionsInAJar() throws Exception {
        Path classes = compile("a", G1, "INTEGER", "--release", "17", "-g");
        Path jar = tmp.resolve("migrations.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String entry = classes.relativize(p).toString().replace('\\', '/');
                if (entry.isEmpty()) {
                    continue;
                }
                // Class entries only, no directory entries, as some jar tools write them.
                if (!Files.isDirectory(p)) {
                    out.putNextEntry(new JarEntry(entry));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
        List<ResolvedMigration> found = scan(jar).all();
        assertEquals(List.of("g1", "g2"), found.stream().map(ResolvedMigration::id).toList());
        assertTrue(found.get(1).parent().isPresent());
    }

    @Test
    void aPackageThatIsNotThereIsAConfigurationError() {
        ConcertinaException e = org.junit.jupiter.api.Assertions.assertThrows(ConcertinaException.class,
                () -> MigrationSource.scan(getClass().getClassLoader(), "dev.concertina.runtime.fixtures.nosuch"));
        assertEquals(ErrorCode.CONFIGURATION, e.code());
        assertEquals("migrations package dev.concertina.runtime.fixtures.nosuch is not on the class path: check the package name and the migrations class path",
                e.getMessage());
    }

    @Test
    void findsTheFixturesOnTheTestClassPath() {
        List<String> ids = MigrationSource.scan(getClass().getClassLoader(), TestDatabases.LINEAR).all().stream().map(ResolvedMigration::id).toList();
        assertEquals(List.of("c1d0001", "c2e0002", "e1a0001", "e2b0002", "e3c0003"), ids);
    }

    @Test
    void aMigrationThatCannotBeDowngradedSaysSo() {
        ConcertinaException e = org.junit.jupiter.api.Assertions.assertThrows(ConcertinaException.class, () -> new OneWay().downgrade(null));
        assertEquals(ErrorCode.REFUSED, e.code());
        assertEquals("revision ow1 (one way only) cannot be downgraded", e.getMessage());
    }

    @Revision(id = "ow1", branch = Branch.EXPAND, message = "one way only")
    static final class OneWay implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {}
    }
}
