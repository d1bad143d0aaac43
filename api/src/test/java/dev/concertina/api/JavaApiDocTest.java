package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/java-api.md's example compiles and runs: the docs show the API as it is. */
class JavaApiDocTest {

    private static final Path DOC = Path.of("..", "docs", "java-api.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theExampleCompilesAndRunsOnH2() throws Exception {
        String doc = Files.readString(DOC);
        Matcher m = JAVA_BLOCK.matcher(doc);
        assertTrue(m.find(), "no java block in " + DOC);
        String source = m.group(1)
                .replace("com.example.shop.migrations", ConcertinaApiTest.MIGRATIONS)
                .replace("com.example.shop.model", ConcertinaApiTest.MODEL);
        Path file = dir.resolve("SchemaGate.java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, errors::toString);

        try (FreshDatabase db = FreshDatabase.create(DbKind.H2);
             URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("SchemaGate").getMethod("run", String.class, String.class, String.class);
            // The fixture's migrations build exactly the fixture's entities: nothing left to do.
            assertEquals(0, run.invoke(null, db.url(), db.user(), db.password()));
            try (var c = db.connect(); var rs = c.createStatement().executeQuery("select count(*) from \"PERSON\"")) {
                assertTrue(rs.next(), "sync created the entities' tables");
            }
        }
    }
}
