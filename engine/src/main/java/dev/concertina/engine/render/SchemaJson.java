package dev.concertina.engine.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnDetails;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * A schema as JSON, for {@code concertina inspect --format json}. The shape is stable and
 * documented in {@code docs/inspect-json.md} ({@value #FORMAT}): every key is always present (null
 * or an empty array when there is nothing), keys in a fixed order, tables and sequences in name
 * order, constraints in the model's canonical order. Jackson writes it ({@link JsonText}).
 */
public final class SchemaJson {

    /** The value of the top-level {@code "format"} key; changes only with an incompatible shape change. */
    public static final String FORMAT = "concertina-schema/1";

    private SchemaJson() {}

    public static String render(Schema schema) {
        Schema s = schema.sorted();
        ObjectNode root = JsonText.object();
        root.put("format", FORMAT);
        ArrayNode tables = root.putArray("tables");
        for (Table t : s.tables()) table(tables.addObject(), t);
        ArrayNode sequences = root.putArray("sequences");
        for (Sequence q : s.sequences()) {
            sequences
                    .addObject()
                    .put("name", q.name())
                    .put("start", q.start())
                    .put("increment", q.increment())
                    .put("origin", q.origin().toString());
        }
        strings(root.putArray("notes"), s.notes());
        return JsonText.write(root);
    }

    private static void table(ObjectNode j, Table t) {
        j.put("name", t.name());
        j.put("comment", t.comment().orElse(null));
        j.put("origin", t.origin().toString());
        ArrayNode columns = j.putArray("columns");
        for (Column c : t.columns()) column(columns.addObject(), c);
        if (t.primaryKey().isPresent()) {
            ObjectNode pk = j.putObject("primaryKey");
            pk.put("name", t.primaryKey().get().name());
            strings(pk.putArray("columns"), t.primaryKey().get().columns());
        } else {
            j.putNull("primaryKey");
        }
        ArrayNode uniques = j.putArray("uniques");
        for (UniqueConstraint u : t.uniques()) {
            ObjectNode o = uniques.addObject().put("name", u.name());
            strings(o.putArray("columns"), u.columns());
            o.put("deferrable", u.deferrable()).put("origin", u.origin().toString());
        }
        ArrayNode indexes = j.putArray("indexes");
        for (Index i : t.indexes()) index(indexes.addObject(), i);
        ArrayNode fks = j.putArray("foreignKeys");
        for (ForeignKey f : t.foreignKeys()) {
            ObjectNode o = fks.addObject().put("name", f.name());
            strings(o.putArray("columns"), f.columns());
            o.put("referencedTable", f.referencedTable());
            strings(o.putArray("referencedColumns"), f.referencedColumns());
            o.put("onDelete", f.onDelete().name())
                    .put("onUpdate", f.onUpdate().name())
                    .put("deferrable", f.deferrable())
                    .put("origin", f.origin().toString());
        }
        ArrayNode checks = j.putArray("checks");
        for (CheckConstraint c : t.checks()) {
            checks.addObject()
                    .put("name", c.name())
                    .put("expression", c.expression())
                    .put("origin", c.origin().toString());
        }
        ArrayNode triggers = j.putArray("triggers");
        for (Trigger tr : t.triggers()) {
            triggers.addObject()
                    .put("name", tr.name())
                    .put("timing", tr.timing())
                    .put("event", tr.event());
        }
        ArrayNode dependents = j.putArray("dependents");
        for (Dependent d : t.dependents())
            dependents.addObject().put("kind", d.kind()).put("name", d.name());
    }

    private static void column(ObjectNode j, Column c) {
        j.put("name", c.name());
        type(j.putObject("type"), c.type());
        j.put("nullable", c.nullable());
        j.put("default", c.defaultValue().orElse(null));
        j.put("identity", c.identity());
        j.put("comment", c.comment().orElse(null));
        ColumnDetails d = c.details();
        j.put("identityGeneration", d.identityGeneration().orElse(null));
        ObjectNode generated = d.generated().isPresent() ? j.putObject("generated") : null;
        if (generated != null) generated.put("expression", d.generated().get()).put("stored", d.stored());
        else j.putNull("generated");
        j.put("collation", d.collation().orElse(null));
        j.put("onUpdate", d.onUpdate().orElse(null));
        j.put("origin", c.origin().toString());
    }

    private static void type(ObjectNode j, ColumnType t) {
        j.put("kind", t.kind().name());
        number(j, "length", t.length());
        number(j, "precision", t.precision());
        number(j, "scale", t.scale());
        strings(j.putArray("enumValues"), t.enumValues());
        strings(j.putArray("modifiers"), t.modifiers());
        j.put(
                "element",
                t.kind() == TypeKind.ARRAY ? t.content().map(TypeKind::name).orElse(null) : null);
        j.put("raw", t.raw());
        j.put("text", t.describe());
    }

    private static void index(ObjectNode j, Index i) {
        IndexDetails d = i.details();
        j.put("name", i.name());
        strings(j.putArray("columns"), i.columns());
        j.put("unique", i.unique());
        ArrayNode order = j.putArray("order");
        for (int k = 0; k < i.columns().size(); k++) order.add(d.orderOf(k));
        ArrayNode expressions = j.putArray("expressions");
        d.expressions().forEach(expressions::add);
        j.put("predicate", d.predicate().orElse(null));
        j.put("method", d.method());
        strings(j.putArray("include"), d.include());
        j.put("origin", i.origin().toString());
    }

    private static void number(ObjectNode j, String key, OptionalInt v) {
        if (v.isPresent()) j.put(key, v.getAsInt());
        else j.putNull(key);
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }
}
