package dev.concertina.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import java.util.List;
import java.util.Map;
import org.jooq.tools.json.JSONParser;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {

    @Test
    void rendersEveryElement() throws Exception {
        Golden.assertMatches("rendersEveryElement.json", SchemaJson.render(SampleSchema.build()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void isValidJsonWithTheDocumentedShape() throws Exception {
        Map<String, Object> root = (Map<String, Object>) new JSONParser().parse(SchemaJson.render(SampleSchema.build()));
        assertEquals("concertina-schema/1", root.get("format"));
        List<Map<String, Object>> tables = (List<Map<String, Object>>) root.get("tables");
        assertEquals(List.of("author", "book"), tables.stream().map(t -> t.get("name")).toList());
        Map<String, Object> book = tables.get(1);
        List<Map<String, Object>> columns = (List<Map<String, Object>>) book.get("columns");
        Map<String, Object> title = columns.get(1);
        assertEquals("Shown on the \"cover\"\nand spine", title.get("comment"));
        assertEquals("'untitled'", title.get("default"));
        Map<String, Object> type = (Map<String, Object>) title.get("type");
        assertEquals("VARCHAR", type.get("kind"));
        assertEquals(255L, ((Number) type.get("length")).longValue());
        assertEquals(null, type.get("precision"));
        assertEquals(List.of("book_seq", "z_seq"),
                ((List<Map<String, Object>>) root.get("sequences")).stream().map(q -> q.get("name")).toList());
    }

    @Test
    void newAspectsAreThereAndEveryNameRoundTripsThroughAParser() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SchemaJson.render(SampleSchema.build()));
        JsonNode book = root.get("tables").get(1);
        JsonNode hits = book.get("columns").get(6);
        assertEquals("hits", hits.get("name").asText());
        assertEquals("int unsigned", hits.get("type").get("raw").asText());
        assertEquals("[\"unsigned\"]", hits.get("type").get("modifiers").toString());
        assertEquals("current_timestamp", hits.get("onUpdate").asText());
        JsonNode tags = book.get("columns").get(7);
        assertEquals("VARCHAR", tags.get("type").get("element").asText());
        assertEquals("C", tags.get("collation").asText());
        assertEquals("length(title)", book.get("columns").get(8).get("generated").get("expression").asText());
        assertEquals("ALWAYS", book.get("columns").get(0).get("identityGeneration").asText());
        JsonNode partial = book.get("indexes").get(1);
        assertEquals("ix_live_lower", partial.get("name").asText());
        assertEquals("[\"\",\"DESC NULLS LAST\"]", partial.get("order").toString());
        assertEquals("[0]", partial.get("expressions").toString());
        assertEquals("price > 0", partial.get("predicate").asText());
        assertEquals("[\"state\"]", partial.get("include").toString());
        assertEquals("[{\"kind\":\"trigger\",\"name\":\"book_audit\"},{\"kind\":\"view\",\"name\":\"book_titles\"}]",
                book.get("dependents").toString());
        assertEquals("DEFERRABLE", book.get("foreignKeys").get(0).get("deferrable").asText());
        assertEquals(2, root.get("notes").size());

        String hostile = " a\"b`c */\n\t\u0001ü ";
        Schema s = new Schema(List.of(Table.of(hostile, List.of(Column.of(hostile, ColumnType.of(TypeKind.INTEGER, "int"), true)))),
                List.of());
        JsonNode read = new ObjectMapper().readTree(SchemaJson.render(s));
        assertEquals(hostile, read.get("tables").get(0).get("name").asText());
        assertEquals(hostile, read.get("tables").get(0).get("columns").get(0).get("name").asText());
    }

    @Test
    void emptySchema() {
        assertEquals("{\n  \"format\": \"concertina-schema/1\",\n  \"tables\": [],\n  \"sequences\": [],\n  \"notes\": []\n}\n",
                SchemaJson.render(Schema.EMPTY));
    }
}
