package dev.concertina.scenarios;

import dev.concertina.annotations.RenamedFrom;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a scenario's entity sources (one version) with javax.tools against Jakarta Persistence,
 * Hibernate's annotations and {@code concertina-annotations}, each version into its own directory,
 * once per JVM: the three databases share the classes.
 */
final class EntityCompiler {

    private static final Path OUT;
    private static final Map<Path, Path> COMPILED = new ConcurrentHashMap<>();

    static {
        try {
            OUT = Files.createDirectories(Path.of("target", "scenario-classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EntityCompiler() {}

    /** The directory holding the compiled classes of {@code sources} (a {@code v1} or {@code v2} directory). */
    static Path classes(Scenario s, String version) {
        return COMPILED.computeIfAbsent(s.version(version), src -> compile(src, OUT.resolve(s.name()).resolve(version)));
    }

    private static Path compile(Path src, Path out) {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> old = Files.walk(out)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classpath(),
                    "-proc:none", "-nowarn", "--release", "17", "-encoding", "UTF-8"));
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter err = new StringWriter();
            boolean ok = javac.getTask(err, null, null, args.subList(0, 10), null,
                    javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(args.subList(10, args.size()))).call();
            if (!ok) {
                throw new AssertionError("entity sources in " + src + " do not compile: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        return String.join(File.pathSeparator, location(jakarta.persistence.Entity.class),
                location(org.hibernate.annotations.Comment.class), location(RenamedFrom.class));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
