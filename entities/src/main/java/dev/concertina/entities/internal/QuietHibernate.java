package dev.concertina.entities.internal;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate's log output (HHH banners, connection-provider warnings) away from users while
 * Concertina reads a model. Hibernate logs through jboss-logging, which picks a backend once per
 * JVM: we ask it for java.util.logging (unless the host application chose another), then turn the
 * {@code org.hibernate} logger off for the duration of a read and restore it afterwards.
 */
public final class QuietHibernate {

    static {
        // Must happen before jboss-logging initialises, i.e. before any Hibernate class is used.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
    }

    /** Strong references: java.util.logging keeps loggers weakly, and would forget the level. */
    private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");

    private static final Logger JBOSS = Logger.getLogger("org.jboss.logging");

    private static int depth;
    private static Level savedHibernate;
    private static Level savedJboss;

    private QuietHibernate() {}

    /** Chooses the logging backend now (class initialisation), before any Hibernate class logs. */
    public static void install() {
        // the static initialiser has run by the time this returns
    }

    /** Runs {@code work} with Hibernate's loggers off. */
    public static <T> T call(Supplier<T> work) {
        enter();
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    private static synchronized void enter() {
        if (depth++ == 0) {
            savedHibernate = HIBERNATE.getLevel();
            savedJboss = JBOSS.getLevel();
            HIBERNATE.setLevel(Level.OFF);
            JBOSS.setLevel(Level.OFF);
        }
    }

    private static synchronized void exit() {
        if (--depth == 0) {
            HIBERNATE.setLevel(savedHibernate);
            JBOSS.setLevel(savedJboss);
        }
    }
}
