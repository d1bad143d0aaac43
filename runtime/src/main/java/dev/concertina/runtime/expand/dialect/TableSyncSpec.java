package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.expand.Conversion;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One direction of a table sync: the triggers on {@code source} that write each row change to
 * {@code target}. Names are in the database's own case.
 *
 * @param columns each source column, the target column it becomes, and how its value converts
 * @param key     the target's key columns, each the target of one of {@code columns}: a row of the
 *                target matches a source row when every key column equals the converted source value
 * @param identityAlways the target's identity {@code GENERATED ALWAYS} columns among the mapped ones:
 *                an INSERT gives their value with {@code OVERRIDING SYSTEM VALUE}, an UPDATE leaves them
 *                alone (PostgreSQL and H2 refuse to set them)
 */
public record TableSyncSpec(
        String source, String target, List<Mapping> columns, List<String> key, Set<String> identityAlways) {

    /** A source column written to a target column as {@code conversion(source)}. */
    public record Mapping(String sourceColumn, String targetColumn, Conversion conversion) {
        public Mapping {
            Objects.requireNonNull(sourceColumn, "sourceColumn");
            Objects.requireNonNull(targetColumn, "targetColumn");
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    public TableSyncSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        identityAlways = Set.copyOf(identityAlways);
    }

    /** A sync whose target has no identity ALWAYS column. */
    public TableSyncSpec(String source, String target, List<Mapping> columns, List<String> key) {
        this(source, target, columns, key, Set.of());
    }

    /** The mappings an UPDATE of the target sets. */
    public List<Mapping> updated() {
        return columns.stream()
                .filter(m -> !identityAlways.contains(m.targetColumn()))
                .toList();
    }

    /** The mapping that writes target column {@code targetColumn}. */
    public Mapping byTarget(String targetColumn) {
        return columns.stream()
                .filter(m -> m.targetColumn().equals(targetColumn))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "key column \"" + targetColumn + "\" of \"" + target + "\" is not mapped"));
    }

    /** {@code "people" -> "person"}, for messages. */
    public String describe() {
        return "\"" + source + "\" -> \"" + target + "\"";
    }
}
