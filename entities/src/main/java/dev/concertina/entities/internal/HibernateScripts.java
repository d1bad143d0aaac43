package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/** Hibernate's schema management tool, writing a script to a string instead of touching a database. */
public final class HibernateScripts {

    private HibernateScripts() {}

    public static List<String> create(BootedModel model) {
        StringWriter script = new StringWriter();
        Map<String, Object> settings = model.settings();
        settings.put("jakarta.persistence.schema-generation.database.action", "none");
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", script);
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        settings.put("hibernate.format_sql", "false");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(model.classLoader());
        try {
            QuietHibernate.call(() -> {
                SchemaManagementToolCoordinator.process(model.metadata(), model.registry(), settings, action -> {});
                return null;
            });
        } catch (RuntimeException e) {
            throw new ConcertinaException(ErrorCode.MODEL, "generating Hibernate's DDL: " + ModelErrors.oneLine(e), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return statements(script.toString());
    }

    /** Statements of a script written with {@code ;} at the end of each (one per line, unformatted). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            // A statement ends at a line ending with the delimiter; a literal may span lines.
            current.append(current.length() > 0 ? "\n" : "").append(line);
            String s = current.toString().strip();
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return List.copyOf(out);
    }
}
