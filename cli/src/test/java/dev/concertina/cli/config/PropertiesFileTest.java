package dev.concertina.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private ConcertinaException failure(String text) throws Exception {
        Path p = write("concertina.properties", text);
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> PropertiesFile.read(p));
        assertEquals(ErrorCode.CONFIGURATION, e.code());
        assertTrue(e.getMessage().startsWith(p + ":"), e.getMessage());
        return e;
    }

    @Test
    void readsPairsCommentsAndBothSeparators() throws Exception {
        Path p = write("c.properties", "# comment\n! also a comment\n\nurl = jdbc:h2:./x;AUTO_SERVER=TRUE\nuser: sa\n  migrations.package=com.example  \n");
        PropertiesFile f = PropertiesFile.read(p);
        assertEquals("jdbc:h2:./x;AUTO_SERVER=TRUE", f.get(ConfigKey.URL).orElseThrow().text());
        assertEquals(4, f.get(ConfigKey.URL).orElseThrow().line());
        assertEquals("sa", f.get(ConfigKey.USER).orElseThrow().text());
        assertEquals("com.example", f.get(ConfigKey.MIGRATIONS_PACKAGE).orElseThrow().text());
        assertEquals(dir.toAbsolutePath().normalize(), f.folder());
    }

    @Test
    void aLineThatIsNotAPairNamesFileAndLine() throws Exception {
        ConcertinaException e = failure("url = jdbc:h2:./x\n\nmigrations.package com.example\n");
        assertTrue(e.getMessage().contains(":3: expected 'key = value' but found 'migrations.package com.example'"), e.getMessage());
    }

    @Test
    void anUnknownKeySuggestsTheNearestOne() throws Exception {
        ConcertinaException e = failure("migrations.pakage = com.example\n");
        assertTrue(e.getMessage().contains(":1: unknown key 'migrations.pakage' (did you mean 'migrations.package'?)"), e.getMessage());
        ConcertinaException far = failure("completely.different = 1\n");
        assertTrue(far.getMessage().contains("known keys: url, user,"), far.getMessage());
    }

    @Test
    void repeatedKeysEmptyValuesAndPasswordsAreRefused() throws Exception {
        assertTrue(failure("url = a\nurl = b\n").getMessage().contains(":2: key 'url' repeats line 1"));
        assertTrue(failure("user =\n").getMessage().contains(":1: key 'user' has no value"));
        assertTrue(failure("password = secret\n").getMessage().contains("CONCERTINA_PASSWORD"));
    }

    @Test
    void aMissingFileIsNamed() {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> PropertiesFile.read(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("nope.properties does not exist"), e.getMessage());
    }

    @Test
    void flagsWinAndFilePathsAreRelativeToTheFile() throws Exception {
        Path sample = Files.createDirectories(dir.resolve("sample"));
        Files.writeString(sample.resolve("concertina.properties"),
                "url = jdbc:h2:./from-file\nuser = fileuser\nmigrations.classpath = target/classes, lib/extra.jar\nmigrations.package = com.example\nlock.timeout = 2m\n");
        Settings fromFile = Settings.resolve(new Settings.Flags(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), sample);
        assertEquals("jdbc:h2:./from-file", fromFile.requireUrl());
        assertEquals(Optional.of("fileuser"), fromFile.user());
        assertEquals(java.util.List.of(sample.toAbsolutePath().resolve("target/classes").normalize(),
                sample.toAbsolutePath().resolve("lib/extra.jar").normalize()), fromFile.migrationsClasspath());
        assertEquals(Optional.of(Duration.ofMinutes(2)), fromFile.lockTimeout());

        Settings flags = Settings.resolve(new Settings.Flags(Optional.of("jdbc:h2:./flag"), Optional.of("flaguser"),
                Optional.of(sample.resolve("concertina.properties")), Optional.of("build/a" + java.io.File.pathSeparator + "build/b"),
                Optional.of("org.flag"), Optional.of("500ms")), dir);
        assertEquals("jdbc:h2:./flag", flags.requireUrl());
        assertEquals(Optional.of("flaguser"), flags.user());
        assertEquals("org.flag", flags.requirePackage());
        assertEquals(java.util.List.of(dir.resolve("build/a").normalize(), dir.resolve("build/b").normalize()), flags.migrationsClasspath());
        assertEquals(Optional.of(Duration.ofMillis(500)), flags.lockTimeout());
    }

    @Test
    void durationsAndTheirErrors() {
        assertEquals(Duration.ofSeconds(30), Settings.duration("30", "x"));
        assertEquals(Duration.ofSeconds(30), Settings.duration("30s", "x"));
        assertEquals(Duration.ofHours(1), Settings.duration("1h", "x"));
        assertEquals(Duration.ZERO, Settings.duration("0", "x"));
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> Settings.duration("soon", "concertina.properties:4: lock.timeout"));
        assertEquals("concertina.properties:4: lock.timeout: invalid duration 'soon' (expected e.g. 30s, 2m, 500ms)", e.getMessage());
    }

    @Test
    void hibernateAndSpringKeysAreEntitySettingsWithTheirLines() throws Exception {
        Path p = write("c.properties", "url = jdbc:h2:./x\nhibernate.globally_quoted_identifiers = true\n"
                + "spring.jpa.hibernate.naming.physical-strategy = com.acme.Naming\n");
        PropertiesFile f = PropertiesFile.read(p);
        assertEquals("true", f.entitySettings().get("hibernate.globally_quoted_identifiers").text());
        assertEquals(3, f.entitySettings().get("spring.jpa.hibernate.naming.physical-strategy").line());
        assertEquals(2, f.entitySettings().size());
        ConcertinaException e = failure("hibernate.default_schema = a\nhibernate.default_schema = b\n");
        assertTrue(e.getMessage().endsWith(":2: key 'hibernate.default_schema' repeats line 1"), e.getMessage());
    }
}
