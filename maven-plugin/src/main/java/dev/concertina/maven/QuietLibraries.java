package dev.concertina.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate's, SchemaCrawler's and jOOQ's INFO lines out of the build's output: the user
 * should see Concertina's lines. Set before those libraries create their loggers.
 */
final class QuietLibraries {

    /** JUL keeps loggers weakly: hold the ones whose level is set. */
    private static final List<Logger> HELD = new ArrayList<>();

    private QuietLibraries() {}

    static synchronized void apply() {
        setIfAbsent("org.jooq.no-logo", "true");
        setIfAbsent("org.jooq.no-tips", "true");
        // Maven's SLF4J binding reads per-logger levels from these when a logger is first created.
        for (String name : List.of("org.jooq", "org.hibernate", "schemacrawler", "us.fatehi", "com.zaxxer")) {
            setIfAbsent("org.slf4j.simpleLogger.log." + name, "warn");
        }
        if (HELD.isEmpty()) {
            for (String name : List.of("org.hibernate", "schemacrawler", "us.fatehi", "org.jooq")) {
                Logger l = Logger.getLogger(name);
                l.setLevel(Level.WARNING);
                HELD.add(l);
            }
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
