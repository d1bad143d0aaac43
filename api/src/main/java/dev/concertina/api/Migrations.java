package dev.concertina.api;

import dev.concertina.codegen.BranchHead;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationGraph;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.ResolvedMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The application's compiled migrations, loaded from the migrations class path or class loader. */
final class Migrations implements AutoCloseable {

    private final ClassLoader loader;
    private final Optional<URLClassLoader> owned;
    private final String packageName;
    private final MigrationSource source;

    private Migrations(ClassLoader loader, Optional<URLClassLoader> owned, String packageName, MigrationSource source) {
        this.loader = loader;
        this.owned = owned;
        this.packageName = packageName;
        this.source = source;
    }

    /**
     * Loads the migrations of {@code pkg}: from {@code classPath} when it is not empty (entries that
     * do not exist yet, nothing compiled, give no migrations; {@link #requireCompiled} catches
     * sources that were never compiled), else from {@code loader}. A package with no class at all
     * (a project before its first revision) gives no migrations when {@code lenient}; otherwise
     * the runtime's scan says the package is not on the class path.
     */
    static Migrations load(String pkg, List<Path> classPath, ClassLoader loader, boolean lenient) {
        if (classPath.isEmpty()) {
            return new Migrations(loader, Optional.empty(), pkg, scan(loader, pkg, lenient));
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            if (Files.exists(p)) {
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ConcertinaException(
                            ErrorCode.CONFIGURATION, "migrations class path entry " + p + ": " + e.getMessage());
                }
            }
        }
        // The parent gives the migrations this library's runtime and jOOQ, so their types are ours.
        URLClassLoader owned = new URLClassLoader(urls.toArray(URL[]::new), Migrations.class.getClassLoader());
        try {
            return new Migrations(owned, Optional.of(owned), pkg, scan(owned, pkg, lenient));
        } catch (RuntimeException e) {
            close(owned);
            throw e;
        }
    }

    private static MigrationSource scan(ClassLoader loader, String pkg, boolean lenient) {
        String dir = pkg.replace('.', '/');
        // No class of the package compiled yet (the first revision): no migrations, not an error.
        boolean present = loader.getResource(dir) != null || loader.getResource(dir + "/") != null;
        return present || !lenient ? MigrationSource.scan(loader, pkg) : MigrationSource.of(List.of());
    }

    ClassLoader loader() {
        return loader;
    }

    String packageName() {
        return packageName;
    }

    MigrationSource source() {
        return source;
    }

    MigrationGraph graph() {
        return MigrationGraph.of(source.all());
    }

    /** Where a branch of the code's migrations stands: its head and its length. */
    BranchHead head(Branch branch) {
        MigrationGraph g = graph();
        List<ResolvedMigration> chain = g.chain(branch);
        return g.head(branch).map(h -> BranchHead.of(h.id(), chain.size())).orElse(BranchHead.empty());
    }

    /**
     * Refuses when the source folder holds more migration classes of a branch than were compiled:
     * a new revision's parent would be wrong.
     */
    void requireCompiled(Path sourceRoot, Branch branch) {
        Path dir = sourceRoot.resolve(packageName.replace('.', '/')).resolve(branch.label());
        if (!Files.isDirectory(dir)) {
            return;
        }
        long sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int compiled = graph().chain(branch).size();
        if (sources > compiled) {
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    dir + " has " + sources + " " + branch.label()
                            + " migration sources but the class path (migrations.classpath) has " + compiled
                            + " compiled: compile the migrations first (e.g. mvn compile), so the new revision gets the right parent");
        }
    }

    @Override
    public void close() {
        owned.ifPresent(Migrations::close);
    }

    private static void close(URLClassLoader l) {
        try {
            l.close();
        } catch (IOException e) {
            // Only jars were read.
        }
    }
}
