package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** No Hibernate log record (HHH banners, connection-provider warnings) escapes a read. */
class QuietHibernateTest {

    @Test
    void readsLogNothingAndRestoreTheLevel() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLoggerName() != null && (r.getLoggerName().startsWith("org.hibernate") || r.getLoggerName().startsWith("org.jboss"))) {
                    seen.add(r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Logger hibernate = Logger.getLogger("org.hibernate");
        Level before = hibernate.getLevel();
        root.addHandler(capture);
        try {
            new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).read(Fixtures.packages(Fixtures.LIBRARY));
            EntityDdl.createScript(Fixtures.packages(Fixtures.LIBRARY), TargetDatabase.of(Dialect.MARIADB));
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), seen);
        assertEquals(before, hibernate.getLevel(), "the host application's level comes back");
        assertEquals("jdk", System.getProperty("org.jboss.logging.provider"));
    }
}
