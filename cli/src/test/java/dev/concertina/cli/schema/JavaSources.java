package dev.concertina.cli.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated migration sources as an application's build would: against runtime + jOOQ only, warnings as errors. */
final class JavaSources {

    private JavaSources() {}

    static void compile(Path sourceRoot, Path classes) throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(), "-proc:none",
                "-Xlint:all", "-Werror", "--release", "17"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        int code = javac.getTask(out, null, null, args.subList(0, 9), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call() ? 0 : 1;
        assertEquals(0, code, "javac: " + out);
    }

    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (String type : List.of("dev.concertina.runtime.Migration", "org.jooq.DSLContext", "org.reactivestreams.Publisher",
                "io.r2dbc.spi.ConnectionFactory")) {
            try {
                CodeSource source = Class.forName(type).getProtectionDomain().getCodeSource();
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (ClassNotFoundException e) {
                // optional API named in jOOQ signatures
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
