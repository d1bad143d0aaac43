package dev.concertina.api;

import dev.concertina.entities.EntitySource;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the entities are read from: the configured entity class path, or else the folders and jars
 * of a class loader that hold the entity packages (or the persistence unit's
 * {@code META-INF/persistence.xml}); the entity reader scans these, nothing else.
 */
final class EntityLocations {

    private static final String PERSISTENCE_XML = "META-INF/persistence.xml";

    private EntityLocations() {}

    static EntitySource source(Configuration config, ClassLoader fallback) {
        if (!config.hasEntities()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "no entities configured: give entity packages or a persistence unit");
        }
        ClassLoader loader = config.entityClassLoader().orElse(fallback);
        List<Path> classPath = config.entityClassPath();
        if (classPath.isEmpty()) {
            List<String> packages = config.entityPackages().stream()
                    .map(p -> p.replace('.', '/'))
                    .toList();
            classPath = config.persistenceUnit().isPresent()
                    ? roots(loader, List.of(PERSISTENCE_XML), "persistence.xml")
                    : roots(loader, packages, "entity package");
        } else {
            for (Path p : classPath) {
                if (!Files.exists(p)) {
                    throw new ConcertinaException(
                            ErrorCode.CONFIGURATION,
                            "entity class path entry " + p
                                    + " does not exist: compile the entities first (e.g. mvn compile)");
                }
            }
        }
        List<Path> cp = classPath;
        return config.persistenceUnit()
                .<EntitySource>map(u -> new EntitySource.PersistenceUnit(cp, u, config.entitySettings()))
                .orElseGet(() -> new EntitySource.Packages(cp, config.entityPackages(), config.entitySettings()));
    }

    private static List<Path> roots(ClassLoader loader, List<String> resources, String what) {
        Set<Path> out = new LinkedHashSet<>();
        for (String resource : resources) {
            List<URL> urls;
            try {
                urls = Collections.list(loader.getResources(resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (urls.isEmpty()) {
                String name = what.equals("entity package") ? resource.replace('/', '.') : resource;
                throw new ConcertinaException(ErrorCode.CONFIGURATION, what + " " + name + " is not on the class path");
            }
            for (URL u : urls) {
                out.add(root(u, resource));
            }
        }
        return new ArrayList<>(out);
    }

    private static Path root(URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                String s = url.toString();
                return Path.of(new URL(s.substring("jar:".length(), s.indexOf("!/"))).toURI());
            }
            Path dir = Path.of(url.toURI());
            for (int i = 0; i < resource.split("/").length; i++) {
                dir = dir.getParent();
            }
            return dir;
        } catch (URISyntaxException | IOException e) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "entity location " + url + ": " + e.getMessage());
        }
    }
}
