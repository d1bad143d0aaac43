package dev.concertina.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Schema;
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
    void emptySchema() {
        assertEquals("{\n  \"format\": \"concertina-schema/1\",\n  \"tables\": [],\n  \"sequences\": []\n}\n", SchemaJson.render(Schema.EMPTY));
    }
}
