package dev.concertina.entities.internal;

import dev.concertina.engine.model.ColumnDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.mapping.Column;

/** The {@link ColumnDetails} an entity attribute states. */
final class StatedDetails {

    private StatedDetails() {}

    /**
     * {@code @Collate} and {@code @GeneratedColumn}, as the database keeps them: a collation by its
     * name (MariaDB's in lower case), a generated expression canonical and stored (Hibernate writes
     * {@code stored} on PostgreSQL and MariaDB; H2 reads every generated column as stored). H2 has
     * no per-column collation (Hibernate's own DDL fails there): the collation is named in a note instead.
     */
    static ColumnDetails of(
            org.hibernate.mapping.Table t,
            Column c,
            Origin origin,
            Dialect dialect,
            Normalizer normalizer,
            List<String> notes) {
        ColumnDetails details = ColumnDetails.NONE;
        String collation = c.getCollation();
        if (collation != null && !collation.isBlank()) {
            String name = collation.strip().replaceAll("^[\"`]|[\"`]$", "");
            if (dialect == Dialect.H2) {
                notes.add("not held: collation " + name + " of \"" + t.getName() + "\".\"" + c.getName() + "\" ("
                        + origin + "): H2 has no per-column collation");
            } else {
                details = details.withCollation(
                        Optional.of(dialect == Dialect.POSTGRES ? name : name.toLowerCase(Locale.ROOT)));
            }
        }
        String generated = c.getGeneratedAs();
        if (generated != null && !generated.isBlank()) {
            try {
                details = details.withGenerated(Optional.of(normalizer.expression(generated)), true);
            } catch (RuntimeException e) {
                throw new ConcertinaException(
                        ErrorCode.MODEL,
                        origin + ": column " + c.getName() + ": generated expression (" + generated + "): "
                                + ModelErrors.oneLine(e),
                        e);
            }
        }
        return details;
    }
}
