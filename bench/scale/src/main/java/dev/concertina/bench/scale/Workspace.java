package dev.concertina.bench.scale;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The files of one corpus below {@code target/scale/n<N>}: {@code v1/src}, {@code v1/classes},
 * {@code v2/src}, {@code v2/classes} (entity sources compiled with javax.tools against the harness's
 * own classpath, which holds the cli jar and so Jakarta Persistence), {@code expected.json} (the
 * planted drift), and an empty {@code migrations/} folder for commands that want a migrations
 * classpath. Reused when its stamp matches the generator's inputs.
 */
final class Workspace {

    final Corpus corpus;
    final Path dir;

    private Workspace(Corpus corpus, Path dir) {
        this.corpus = corpus;
        this.dir = dir;
    }

    Path v1Classes() { return dir.resolve("v1/classes"); }
    Path v2Classes() { return dir.resolve("v2/classes"); }
    Path migrations() { return dir.resolve("migrations"); }

    static Workspace prepare(Path root, int n, long seed) throws IOException {
        Corpus corpus = Corpus.generate(n, seed);
        Path dir = root.resolve("n" + n);
        Workspace w = new Workspace(corpus, dir);
        String stamp = "n=" + n + " seed=" + seed + " generator=" + Workspace.class.getPackage().getName() + " v4\n";
        Path stampFile = dir.resolve("stamp");
        if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) return w;

        deleteTree(dir);
        Files.createDirectories(dir);
        Corpus.writeSources(corpus.v1, corpus.v1, dir.resolve("v1/src"));
        Corpus.writeSources(corpus.v2, corpus.v1, dir.resolve("v2/src"));
        compile(dir.resolve("v1/src"), w.v1Classes());
        compile(dir.resolve("v2/src"), w.v2Classes());
        Files.createDirectories(w.migrations().resolve("bench/migrations"));
        Files.writeString(dir.resolve("expected.json"), corpus.expectedJson(), StandardCharsets.UTF_8);
        Files.writeString(stampFile, stamp);
        return w;
    }

    private static void compile(Path src, Path out) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no system Java compiler: run the harness on a JDK, not a JRE");
        List<File> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
        }
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromFiles(files);
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-nowarn", "-proc:none");
            boolean ok = javac.getTask(errors, fm, null, options, null, units).call();
            if (!ok) throw new IllegalStateException("entity sources in " + src + " do not compile:\n" + errors);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
