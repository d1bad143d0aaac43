package dev.concertina.cli.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the entity models are, and the dialect to read them for when there is no database. */
public final class ModelOptions {

    @Option(
            names = "--classpath",
            paramLabel = "PATHS",
            order = 20,
            description = {
                "Where the compiled entity classes (and what they need) are: folders or jars, separated by ','",
                "or the platform's path separator, relative to the working directory (key: models.classpath).",
                "e.g. --classpath target/classes"
            })
    String classpath;

    @Option(
            names = "--package",
            paramLabel = "PACKAGE",
            split = ",",
            order = 21,
            description = {
                "Package(s) to scan for entities, subpackages included; repeat or separate with ',' (key: models.packages).",
                "e.g. --package com.example.shop.model"
            })
    List<String> packages = new ArrayList<>();

    @Option(
            names = "--persistence-unit",
            paramLabel = "NAME",
            order = 22,
            description = {
                "A persistence unit of a META-INF/persistence.xml on the models' class path, instead of packages",
                "(key: models.persistence-unit). e.g. --persistence-unit shop"
            })
    String persistenceUnit;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            order = 23,
            description = {
                "The database the models are read for when no database is used: h2, postgres, mariadb or mysql,",
                "optionally with a version (key: dialect). e.g. --dialect postgres, --dialect mariadb:10.11"
            })
    String dialect;

    @Option(
            names = "--hibernate",
            paramLabel = "KEY=VALUE",
            order = 24,
            description = {
                "A Hibernate (or Spring Boot spring.*) setting for reading the entities, over those of the",
                "application and concertina.properties; repeatable (see docs/entities.md).",
                "e.g. --hibernate hibernate.physical_naming_strategy=com.example.OurNaming"
            })
    Map<String, String> hibernate = new LinkedHashMap<>();

    Optional<String> classpath() {
        return Optional.ofNullable(classpath);
    }

    Map<String, String> hibernate() {
        return Map.copyOf(hibernate);
    }

    List<String> packages() {
        return List.copyOf(packages);
    }

    Optional<String> persistenceUnit() {
        return Optional.ofNullable(persistenceUnit);
    }

    Optional<String> dialect() {
        return Optional.ofNullable(dialect);
    }
}
