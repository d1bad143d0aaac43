package dev.concertina.engine.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docs keep up with the code: every hazard code, change kind, step kind and JSON field is documented. */
class DocsTest {

    static String doc(String name) throws IOException {
        return Files.readString(Path.of("..", "docs", name));
    }

    @Test
    void everyHazardCodeIsInHazardsMd() throws IOException {
        String md = doc("hazards.md");
        for (HazardCode c : HazardCode.values()) {
            assertTrue(md.contains("| `" + c.name() + "` |"), c + " has a row in docs/hazards.md");
            assertTrue(md.contains("### " + c.name()) || md.contains(", " + c.name()) || md.contains(c.name() + ", "),
                    c + " has an example in docs/hazards.md");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyKindAndFieldIsInDiffJsonMd() throws IOException {
        String md = doc("diff-json.md");
        for (Class<?> k : Change.class.getPermittedSubclasses()) {
            String kind = snake(k.getSimpleName());
            assertTrue(md.contains("`" + kind + "`"), kind + " in docs/diff-json.md");
        }
        for (Class<?> k : Step.class.getPermittedSubclasses()) {
            // BackfillColumn keeps the kind name it printed before the class was renamed.
            String kind = k == Step.BackfillColumn.class ? new Step.BackfillColumn("t", "c", new Expr.Sql("1")).kind()
                    : snake(k.getSimpleName());
            assertTrue(md.contains("`" + kind + "`"), kind + " in docs/diff-json.md");
        }
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(PlanJson.render(RenderTest.sample()));
        for (String field : root.keySet()) {
            assertTrue(md.contains("| `" + field + "` |"), field + " in docs/diff-json.md");
        }
        for (String field : ((List<Map<String, Object>>) root.get("changes")).get(0).keySet()) {
            assertTrue(md.contains("| `" + field + "` |"), field + " in docs/diff-json.md");
        }
    }

    private static String snake(String simple) {
        return simple.replaceAll("(?<=[a-z])(?=[A-Z])", "_").toLowerCase(java.util.Locale.ROOT);
    }
}
