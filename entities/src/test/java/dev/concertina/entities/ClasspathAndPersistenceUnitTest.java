package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity classes from a jar built in the test, found by package scan or through a persistence unit. */
class ClasspathAndPersistenceUnitTest {

    @TempDir
    static Path dir;

    static Path jar;

    static final String BIN = """
            package com.example.inventory;
            import jakarta.persistence.*;
            @Entity
            @Table(name = "storageBins")
            public class StorageBin {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long binId;
                @Column(nullable = false, length = 12) String binCode;
                Weight maxLoad;
            }
            """;
    static final String WEIGHT = """
            package com.example.inventory;
            public record Weight(int grams) {}
            """;
    static final String WEIGHT_CONVERTER = """
            package com.example.inventory;
            import jakarta.persistence.*;
            @Converter(autoApply = true)
            public class WeightConverter implements AttributeConverter<Weight, Integer> {
                public Integer convertToDatabaseColumn(Weight w) { return w == null ? null : w.grams(); }
                public Weight convertToEntityAttribute(Integer g) { return g == null ? null : new Weight(g); }
            }
            """;
    static final String PALLET = """
            package com.example.inventory.pallets;
            import jakarta.persistence.*;
            @Entity
            public class Pallet {
                @Id Long palletId;
                @ManyToOne com.example.inventory.StorageBin storageBin;
            }
            """;
    static final String HELPER = """
            package com.example.inventory;
            public class NotAnEntity { int x; }
            """;
    static final String PERSISTENCE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="bins-only">
                <class>com.example.inventory.StorageBin</class>
                <class>com.example.inventory.WeightConverter</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
                <properties>
                  <property name="hibernate.physical_naming_strategy"
                            value="org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"/>
                  <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://192.0.2.1:1/never"/>
                  <property name="hibernate.hbm2ddl.auto" value="create"/>
                </properties>
              </persistence-unit>
              <persistence-unit name="everything"/>
              <persistence-unit name="xml-mapped">
                <mapping-file>META-INF/crates-orm.xml</mapping-file>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
              </persistence-unit>
            </persistence>
            """;

    static final String CRATE = """
            package com.example.crates;
            public class Crate { Long id; String label; }
            """;
    static final String ORM_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.2">
              <entity class="com.example.crates.Crate" access="FIELD">
                <table name="crates"/>
                <attributes>
                  <id name="id"/>
                  <basic name="label"><column name="crate_label" length="30" nullable="false"/></basic>
                </attributes>
              </entity>
            </entity-mappings>
            """;

    @BeforeAll
    static void buildJar() throws IOException {
        jar = CompiledJar.build(dir, "inventory",
                Map.of("com.example.inventory.StorageBin", BIN, "com.example.inventory.Weight", WEIGHT,
                        "com.example.inventory.WeightConverter", WEIGHT_CONVERTER,
                        "com.example.inventory.pallets.Pallet", PALLET, "com.example.inventory.NotAnEntity", HELPER,
                        "com.example.crates.Crate", CRATE),
                Map.of("META-INF/persistence.xml", PERSISTENCE_XML, "META-INF/crates-orm.xml", ORM_XML));
    }

    @Test
    void theJarIsNotOnTheTestClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.inventory.StorageBin"));
    }

    @Test
    void packageScanOfAJarIncludesSubpackagesAndAutoAppliedConverters() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(EntitySource.packages(List.of(jar), "com.example.inventory"));
        assertEquals(List.of("pallet", "storagebins"), s.tables().stream().map(Table::name).toList());
        Table bins = s.table("storagebins").orElseThrow();
        assertEquals("INTEGER", bins.column("maxload").orElseThrow().type().describe(), "WeightConverter applied");
        assertEquals(Origin.attribute("com.example.inventory.StorageBin", "binCode"), bins.column("bincode").orElseThrow().origin());
    }

    @Test
    void packageScanIsLimitedToTheGivenPackages() {
        // Pallet refers to StorageBin, outside the scanned package: Hibernate refuses, and the
        // message names the attribute.
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2))
                .read(EntitySource.packages(List.of(jar), "com.example.inventory.pallets")));
        assertEquals(ErrorCode.MODEL, e.code());
        assertTrue(e.getMessage().startsWith("com.example.inventory.pallets.Pallet#storageBin: "), e.getMessage());
        assertTrue(e.getMessage().contains("does not belong to the same persistence unit"), e.getMessage());
    }

    @Test
    void persistenceUnitListsClassesAndSetsNamingWithoutConnecting() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(EntitySource.persistenceUnit(List.of(jar), "bins-only"));
        assertEquals(List.of("storage_bins"), s.tables().stream().map(Table::name).toList());
        assertEquals(List.of("bin_id", "bin_code", "max_load"),
                s.tables().get(0).columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void persistenceUnitWithoutExclusionScansItsRoot() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB))
                .read(EntitySource.persistenceUnit(List.of(jar), "everything"));
        assertEquals(List.of("Pallet", "storageBins"), s.tables().stream().map(Table::name).toList());
    }

    @Test
    void persistenceUnitMappingFilesMapUnannotatedClasses() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(EntitySource.persistenceUnit(List.of(jar), "xml-mapped"));
        assertEquals(List.of("crates"), s.tables().stream().map(Table::name).toList());
        assertEquals("VARCHAR(30)", s.tables().get(0).column("crate_label").orElseThrow().type().describe());
        assertEquals(false, s.tables().get(0).column("crate_label").orElseThrow().nullable());
    }

    @Test
    void unknownPersistenceUnitNamesTheOnesThereAre() {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2))
                .read(EntitySource.persistenceUnit(List.of(jar), "inventory")));
        assertEquals(ErrorCode.CONFIGURATION, e.code());
        assertTrue(e.getMessage().startsWith("persistence unit 'inventory': not found"), e.getMessage());
        assertTrue(e.getMessage().contains("bins-only, everything, xml-mapped"), e.getMessage());
    }

    @Test
    void javaxPersistenceEntitiesGetAHint() throws IOException {
        // A class file naming javax.persistence.Entity, as an application on JPA 2 would have.
        Path old = CompiledJar.build(dir, "legacy", Map.of("javax.persistence.Entity", """
                package javax.persistence;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Entity {}
                """, "com.example.legacy.Account", """
                package com.example.legacy;
                @javax.persistence.Entity
                public class Account { Long id; }
                """), Map.of());
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2))
                .read(EntitySource.packages(List.of(old), "com.example.legacy")));
        assertTrue(e.getMessage().endsWith("(com.example.legacy.Account uses javax.persistence; Hibernate 7 reads jakarta.persistence only)"),
                e.getMessage());
    }

    @Test
    void packagesWithoutEntitiesAndMissingEntriesAreErrors() {
        ConcertinaException none = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2))
                .read(EntitySource.packages(List.of(jar), "com.example.nothing")));
        assertEquals(ErrorCode.MODEL, none.code());
        assertTrue(none.getMessage().startsWith("no @Entity class in package(s) com.example.nothing"), none.getMessage());
        ConcertinaException missing = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.H2))
                .read(EntitySource.packages(List.of(dir.resolve("missing.jar")), "com.example")));
        assertEquals(ErrorCode.CONFIGURATION, missing.code());
        assertTrue(missing.getMessage().contains("missing.jar: does not exist"), missing.getMessage());
    }
}
