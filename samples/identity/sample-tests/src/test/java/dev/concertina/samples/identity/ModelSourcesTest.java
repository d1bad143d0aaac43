package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model module is what an application ships: it may use the JDK, Jakarta Persistence, Hibernate's
 * mapping annotations and Concertina's annotations, and nothing of Concertina's tooling.
 */
class ModelSourcesTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("java.", "jakarta.persistence.", "org.hibernate.annotations.",
            "dev.concertina.annotations.", ModelVersion.PACKAGE + ".");

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelVersion.class)
    void importsOnlyMappingApis(ModelVersion version) throws Exception {
        List<String> bad = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(version.sources())) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String name = m.group(1);
                    if (ALLOWED.stream().noneMatch(name::startsWith)) bad.add(f.getFileName() + ": " + name);
                }
            }
        }
        assertEquals(true, files >= 12, "sources found under " + version.sources());
        assertEquals(List.of(), bad);
    }
}
