package dev.concertina.codegen;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory with the JDK's compiler, against the runtime module and
 * jOOQ alone (what an application that ships its migrations has), with every lint enabled.
 */
public final class InMemoryCompiler {

    /**
     * The result: the loaded classes by name, and every diagnostic (warnings included) as one line.
     */
    public record Result(Map<String, Class<?>> classes, List<String> diagnostics) {
        public Result {
            classes = Map.copyOf(classes);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private InMemoryCompiler() {}

    /**
     * Compiles {@code migrations} with {@code -Xlint:all} and loads them in a new class loader
     * whose parent is {@code parent}.
     *
     * @throws ConcertinaException (CODEGEN) when no compiler is available (a JRE) or compiling fails,
     *         with the compiler's messages
     */
    public static Result compile(List<GeneratedMigration> migrations, ClassLoader parent) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    "compile generated migrations: no Java compiler here; run Concertina on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> output = new TreeMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        output.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<JavaFileObject> sources = new ArrayList<>();
        for (GeneratedMigration m : migrations) {
            String text = m.source();
            sources.add(
                    new SimpleJavaFileObject(
                            URI.create("mem:///" + m.className().replace('.', '/') + ".java"),
                            JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return text;
                        }
                    });
        }
        List<String> options = List.of("-Xlint:all", "-proc:none", "--release", "17", "-classpath", classPath());
        boolean ok = compiler.getTask(null, files, diagnostics, options, null, sources)
                .call();
        List<String> messages = diagnostics.getDiagnostics().stream()
                .map(d -> d.getKind() + " "
                        + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
        if (!ok) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    "compile generated migrations: "
                            + diagnostics.getDiagnostics().stream()
                                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                                    .count()
                            + " error(s): " + String.join(" | ", messages));
        }
        Map<String, byte[]> bytes = new TreeMap<>();
        output.forEach((k, v) -> bytes.put(k, v.toByteArray()));
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        Map<String, Class<?>> classes = new TreeMap<>();
        for (GeneratedMigration m : migrations) {
            try {
                classes.put(m.className(), loader.loadClass(m.className()));
            } catch (ClassNotFoundException e) {
                throw new ConcertinaException(
                        ErrorCode.CODEGEN, "compile generated migrations: " + m.className() + " was not produced", e);
            }
        }
        return new Result(classes, messages);
    }

    /**
     * Where the runtime module and jOOQ (with the two small APIs its signatures name) were loaded
     * from: nothing else, so a generated class that needs more fails to compile here.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String type : List.of(
                "dev.concertina.runtime.Migration",
                "org.jooq.DSLContext",
                "org.reactivestreams.Publisher",
                "io.r2dbc.spi.ConnectionFactory")) {
            try {
                CodeSource source = Class.forName(type, false, InMemoryCompiler.class.getClassLoader())
                        .getProtectionDomain()
                        .getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                // An optional API jOOQ names in signatures; without it javac reports what is missing.
            }
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
