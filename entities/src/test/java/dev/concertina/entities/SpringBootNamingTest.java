package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot application's entities (camelCase attributes, no persistence.xml) read as the
 * application names them: Spring Boot's default strategies when its configuration is on the class
 * path, and its {@code spring.jpa.*} settings from application.properties / application.yml.
 */
class SpringBootNamingTest {

    static final String PACKAGE = "dev.concertina.entities.fixtures.springboot";

    @TempDir
    Path dir;

    /** A class path folder holding only the fixture's classes and the given resources. */
    private Path app(Map<String, String> resources) throws IOException {
        Path root = Files.createTempDirectory(dir, "classes");
        Path pkg = PACKAGE.replace('.', '/').transform(Path::of);
        Path from = Fixtures.TEST_CLASSES.resolve(pkg);
        Files.createDirectories(root.resolve(pkg));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, root.resolve(pkg).resolve(f.getFileName()));
            }
        }
        for (Map.Entry<String, String> r : resources.entrySet()) {
            Path file = root.resolve(r.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, r.getValue());
        }
        return root;
    }

    private static Schema read(Dialect d, Path root, Map<String, String> settings) {
        return new EntitySchemaReader(TargetDatabase.of(d)).read(new EntitySource.Packages(List.of(root), List.of(PACKAGE), settings));
    }

    private static List<String> columns(Schema s, String table) {
        return s.table(table).orElseThrow(() -> new AssertionError(table + " not in " + s.tables().stream().map(Table::name).toList()))
                .columns().stream().map(Column::name).toList();
    }

    @Test
    void anApplicationPropertiesFileMeansSpringBootsDefaultNaming() throws IOException {
        Path root = app(Map.of("application.properties", "spring.application.name=shop\n"));
        Schema s = read(Dialect.POSTGRES, root, Map.of());
        assertEquals(List.of("customer_account", "customer_account_granted_roles", "security_role"),
                s.tables().stream().map(Table::name).toList());
        assertTrue(columns(s, "customer_account").containsAll(List.of("id", "first_name", "last_name")), s::toString);
        // Spring's implicit strategy: the join table is <owning table>_<attribute>, its columns snake case.
        assertEquals(List.of("customer_account_id", "granted_roles_id"), columns(s, "customer_account_granted_roles"));
        // The same names in Hibernate's own DDL with those settings: the reader and Hibernate agree.
        List<String> ddl = EntityDdl.createScript(new EntitySource.Packages(List.of(root), List.of(PACKAGE), Map.of()),
                TargetDatabase.of(Dialect.POSTGRES));
        assertTrue(ddl.stream().anyMatch(l -> l.startsWith("create table customer_account (") && l.contains("first_name varchar(255)")),
                ddl::toString);
    }

    @Test
    void withoutSpringBootHibernatesDefaultNamingKeepsCamelCase() throws IOException {
        Path root = app(Map.of());
        Schema s = read(Dialect.MARIADB, root, Map.of());
        assertEquals(List.of("CustomerAccount", "CustomerAccount_SecurityRole", "SecurityRole"),
                s.tables().stream().map(Table::name).toList());
        assertTrue(columns(s, "CustomerAccount").contains("firstName"));
    }

    @Test
    void theYamlNamingStrategyAndProfileFilesApply() throws IOException {
        String yaml = """
                spring:
                  profiles:
                    active: legacy
                  jpa:
                    hibernate:
                      naming:
                        physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                ---
                spring:
                  config:
                    activate:
                      on-profile: other
                  jpa:
                    properties:
                      hibernate.globally_quoted_identifiers: true
                """;
        // The active profile's file quotes every name; the "other" document is not active.
        String legacy = "spring.jpa.properties[hibernate.globally_quoted_identifiers]=true\n";
        Path root = app(Map.of("application.yml", yaml, "config/application-legacy.properties", legacy));
        Schema s = read(Dialect.POSTGRES, root, Map.of());
        assertTrue(columns(s, "CustomerAccount").contains("firstName"), s::toString);
        assertTrue(s.quotedNames().contains("CustomerAccount"), s.quotedNames()::toString);
        // The implicit strategy is still Spring's: <owning table>_<attribute>.
        assertTrue(s.table("CustomerAccount_grantedRoles").isPresent(), s.tables()::toString);

        Schema plain = read(Dialect.POSTGRES, app(Map.of("application.yml", yaml)), Map.of());
        assertFalse(plain.quotedNames().contains("CustomerAccount"));
        assertTrue(columns(plain, "customeraccount").contains("firstname"), plain::toString);
    }

    @Test
    void givenSettingsOverrideTheApplicationsAndSpringBootCanBeTurnedOff() throws IOException {
        Path root = app(Map.of("application.properties",
                "spring.jpa.hibernate.naming.physicalStrategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n"));
        assertTrue(columns(read(Dialect.H2, root, Map.of()), "CUSTOMERACCOUNT").contains("FIRSTNAME"));
        Schema overridden = read(Dialect.H2, root, Map.of("spring.jpa.hibernate.naming.physical-strategy",
                "org.springframework.boot.orm.jpa.hibernate.SpringPhysicalNamingStrategy"));
        assertTrue(columns(overridden, "CUSTOMER_ACCOUNT").contains("FIRST_NAME"), overridden::toString);
        Schema off = read(Dialect.H2, root, Map.of("concertina.spring-boot", "false"));
        assertTrue(off.table("CUSTOMERACCOUNT_SECURITYROLE").isPresent(), off.tables()::toString);
    }

    @Test
    void anUnknownSettingOrAMissingStrategyClassIsNamed() throws IOException {
        Path root = app(Map.of("application.properties", "spring.jpa.hibernate.naming.implicit-strategy=com.acme.Missing\n"));
        ConcertinaException missing = assertThrows(ConcertinaException.class, () -> read(Dialect.H2, root, Map.of()));
        assertTrue(missing.getMessage().startsWith("hibernate.implicit_naming_strategy = com.acme.Missing ("), missing.getMessage());
        assertTrue(missing.getMessage().contains("application.properties: spring.jpa.hibernate.naming.implicit-strategy"),
                missing.getMessage());
        ConcertinaException typo = assertThrows(ConcertinaException.class,
                () -> read(Dialect.H2, root, Map.of("hibernate.globaly_quoted_identifiers", "true")));
        assertEquals("Hibernate setting 'hibernate.globaly_quoted_identifiers': unknown"
                + " (did you mean 'hibernate.globally_quoted_identifiers'?)", typo.getMessage());
    }
}
