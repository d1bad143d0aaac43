package dev.concertina.engine.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Concertina's JSON documents ({@code inspect} and {@code diff}) as text, written by Jackson:
 * two-space indentation, {@code "key": value}, {@code []} and {@code {}} when empty, one trailing
 * newline, keys in the order they were put. A {@link Layout} says which containers are broken over
 * lines; the others stay on one line ({@code ["a", "b"]}, {@code {"kind": "ddl", "description":
 * "…"}}), the way a reader scans them.
 */
public final class JsonText {

    /** Which containers are written one element per line; the rest are written on one line. */
    @FunctionalInterface
    public interface Layout {
        /** Whether the non-empty {@code container}, {@code depth} levels below the root, is broken over lines. */
        boolean broken(JsonNode container, int depth);

        /** Every container one element per line, except a list of plain values (inspect's shape). */
        Layout LISTS_OF_VALUES_INLINE = (n, depth) -> !(n.isArray() && allPlain(n));

        /**
         * The top two levels broken where they hold containers; anything deeper or flat on one line
         * (diff's shape: one change item per block, each of its steps and hazards on one line).
         */
        Layout TWO_LEVELS = (n, depth) -> depth <= 2 && !allPlain(n);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final ObjectWriter ONE_LINE = MAPPER.writer(oneLinePrinter());

    private JsonText() {}

    /** A new empty object, for building a document. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code root} as text in the inspect layout, with a trailing newline. */
    public static String write(JsonNode root) {
        return write(root, Layout.LISTS_OF_VALUES_INLINE);
    }

    /** {@code root} as text, containers broken over lines as {@code layout} says, with a trailing newline. */
    public static String write(JsonNode root, Layout layout) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(brokenPrinter());
            value(g, root, 0, layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static DefaultPrettyPrinter brokenPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** {@code {"a": 1, "b": ["x", "y"]}}: a space after each colon and comma, nothing else. */
    private static DefaultPrettyPrinter oneLinePrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    private static void value(JsonGenerator g, JsonNode n, int depth, Layout layout) throws IOException {
        if (!n.isContainerNode() || n.isEmpty() || !layout.broken(n, depth)) {
            // Escaped by Jackson, kept on one line.
            g.writeRawValue(ONE_LINE.writeValueAsString(n));
        } else if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                value(g, e.getValue(), depth + 1, layout);
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (JsonNode v : n) value(g, v, depth + 1, layout);
            g.writeEndArray();
        }
    }

    private static boolean allPlain(JsonNode container) {
        for (JsonNode v : container) {
            if (v.isContainerNode()) return false;
        }
        return true;
    }
}
