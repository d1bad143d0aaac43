package dev.concertina.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTextTest {

    @Test
    void rendersEveryElement() throws Exception {
        Golden.assertMatches("rendersEveryElement.txt", SchemaText.render(SampleSchema.build()));
    }

    @Test
    void emptySchemaIsEmptyText() {
        assertEquals("", SchemaText.render(Schema.EMPTY));
    }

    @Test
    void orderOfInputDoesNotMatter() {
        Schema s = SampleSchema.build();
        List<Table> tables = new ArrayList<>(s.tables());
        Collections.reverse(tables);
        List<Sequence> sequences = new ArrayList<>(s.sequences());
        Collections.reverse(sequences);
        List<String> notes = new ArrayList<>(s.notes());
        Collections.reverse(notes);
        Schema reversed = new Schema(tables, sequences).withNotes(notes);
        assertEquals(SchemaText.render(s), SchemaText.render(reversed));
    }
}
