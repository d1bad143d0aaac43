package dev.concertina.scenarios;

import dev.concertina.annotations.RenamedFrom;
import dev.concertina.engine.plan.PlanHints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code @RenamedFrom} annotations of a compiled entity model as plan hints.
 *
 * <p>The entity reader does not report them yet (nothing in {@code models} reads the annotation),
 * so the corpus reads them here by reflection, the way the command line is meant to merge them.
 */
final class RenamedFromHints {

    private RenamedFromHints() {}

    static PlanHints read(Path classes) {
        PlanHints hints = PlanHints.NONE;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RenamedFromHints.class.getClassLoader());
             Stream<Path> files = Files.walk(classes)) {
            List<String> names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
            for (String n : names) {
                Class<?> c = loader.loadClass(n);
                if (!c.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    continue;
                }
                jakarta.persistence.Table t = c.getAnnotation(jakarta.persistence.Table.class);
                String table = t != null && !t.name().isEmpty() ? t.name() : c.getSimpleName();
                RenamedFrom tr = c.getAnnotation(RenamedFrom.class);
                if (tr != null) {
                    hints = hints.withTableRename(tr.value(), table);
                }
                for (Field f : c.getDeclaredFields()) {
                    RenamedFrom r = f.getAnnotation(RenamedFrom.class);
                    if (r != null) {
                        jakarta.persistence.Column col = f.getAnnotation(jakarta.persistence.Column.class);
                        String column = col != null && !col.name().isEmpty() ? col.name() : f.getName();
                        hints = hints.withColumnRename(table, r.value(), column);
                    }
                }
            }
            return hints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
