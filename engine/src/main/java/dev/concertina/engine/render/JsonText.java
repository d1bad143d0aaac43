package dev.concertina.engine.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Concertina's JSON documents as text, written by Jackson: two-space indentation, {@code "key": value},
 * {@code []} and {@code {}} when empty, one trailing newline, keys in the order they were put. A
 * list of plain values (column names) stays on one line ({@code ["a", "b"]}), the way a reader
 * scans it; everything else is one element per line.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonText() {}

    /** A new empty object, for building a document. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code root} as text, with a trailing newline. */
    public static String write(JsonNode root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer());
            value(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static void value(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray() && !n.isEmpty() && allPlain(n)) {
            // Each element escaped by Jackson, the list kept on one line.
            StringBuilder inline = new StringBuilder("[");
            for (JsonNode v : n) inline.append(inline.length() > 1 ? ", " : "").append(MAPPER.writeValueAsString(v));
            g.writeRawValue(inline.append(']').toString());
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode v : n) value(g, v);
            g.writeEndArray();
        } else {
            g.writeTree(n);
        }
    }

    private static boolean allPlain(JsonNode array) {
        for (JsonNode v : array) {
            if (v.isContainerNode()) return false;
        }
        return true;
    }
}
