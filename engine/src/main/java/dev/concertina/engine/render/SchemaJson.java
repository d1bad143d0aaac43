package dev.concertina.engine.render;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A schema as JSON, for {@code concertina inspect --format json}. The shape is stable and
 * documented in {@code docs/inspect-json.md} ({@value #FORMAT}): every key is always present (null
 * or an empty array when there is nothing), keys in a fixed order, two-space indentation, tables
 * and sequences in name order, constraints in the model's canonical order. Written by hand: no
 * JSON library needed.
 */
public final class SchemaJson {

    /** The value of the top-level {@code "format"} key; changes only with an incompatible shape change. */
    public static final String FORMAT = "concertina-schema/1";

    private SchemaJson() {}

    public static String render(Schema schema) {
        Schema s = schema.sorted();
        Json j = new Json();
        j.open('{');
        j.key("format").string(FORMAT);
        j.key("tables").open('[');
        for (Table t : s.tables()) table(j, t);
        j.close(']');
        j.key("sequences").open('[');
        for (Sequence q : s.sequences()) {
            j.open('{');
            j.key("name").string(q.name());
            j.key("start").number(q.start());
            j.key("increment").number(q.increment());
            j.key("origin").string(origin(q.origin()));
            j.close('}');
        }
        j.close(']');
        j.close('}');
        return j.toString() + "\n";
    }

    private static void table(Json j, Table t) {
        j.open('{');
        j.key("name").string(t.name());
        j.key("comment").string(t.comment());
        j.key("origin").string(origin(t.origin()));
        j.key("columns").open('[');
        for (Column c : t.columns()) {
            j.open('{');
            j.key("name").string(c.name());
            type(j, c.type());
            j.key("nullable").bool(c.nullable());
            j.key("default").string(c.defaultValue());
            j.key("identity").bool(c.identity());
            j.key("comment").string(c.comment());
            j.key("origin").string(origin(c.origin()));
            j.close('}');
        }
        j.close(']');
        j.key("primaryKey");
        if (t.primaryKey().isPresent()) {
            j.open('{');
            j.key("name").string(t.primaryKey().get().name());
            j.key("columns").strings(t.primaryKey().get().columns());
            j.close('}');
        } else {
            j.nul();
        }
        j.key("uniques").open('[');
        for (UniqueConstraint u : t.uniques()) {
            j.open('{');
            j.key("name").string(u.name());
            j.key("columns").strings(u.columns());
            j.key("origin").string(origin(u.origin()));
            j.close('}');
        }
        j.close(']');
        j.key("indexes").open('[');
        for (Index i : t.indexes()) {
            j.open('{');
            j.key("name").string(i.name());
            j.key("columns").strings(i.columns());
            j.key("unique").bool(i.unique());
            j.key("origin").string(origin(i.origin()));
            j.close('}');
        }
        j.close(']');
        j.key("foreignKeys").open('[');
        for (ForeignKey f : t.foreignKeys()) {
            j.open('{');
            j.key("name").string(f.name());
            j.key("columns").strings(f.columns());
            j.key("referencedTable").string(f.referencedTable());
            j.key("referencedColumns").strings(f.referencedColumns());
            j.key("onDelete").string(f.onDelete().name());
            j.key("onUpdate").string(f.onUpdate().name());
            j.key("origin").string(origin(f.origin()));
            j.close('}');
        }
        j.close(']');
        j.key("checks").open('[');
        for (CheckConstraint c : t.checks()) {
            j.open('{');
            j.key("name").string(c.name());
            j.key("expression").string(c.expression());
            j.key("origin").string(origin(c.origin()));
            j.close('}');
        }
        j.close(']');
        j.key("triggers").open('[');
        for (Trigger tr : t.triggers()) {
            j.open('{');
            j.key("name").string(tr.name());
            j.key("timing").string(tr.timing());
            j.key("event").string(tr.event());
            j.close('}');
        }
        j.close(']');
        j.close('}');
    }

    private static void type(Json j, ColumnType t) {
        j.key("type").open('{');
        j.key("kind").string(t.kind().name());
        j.key("length").number(t.length());
        j.key("precision").number(t.precision());
        j.key("scale").number(t.scale());
        j.key("enumValues").strings(t.enumValues());
        j.key("raw").string(t.raw());
        j.key("text").string(t.describe());
        j.close('}');
    }

    private static String origin(Origin o) {
        return o.toString();
    }

    /** A tiny pretty-printing JSON writer: commas and indentation handled here, nowhere else. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private int depth;
        private boolean first = true;
        private boolean afterKey;

        private void before() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (depth > 0) {
                out.append(first ? "\n" : ",\n");
                indent();
            }
            first = false;
        }

        private void indent() {
            out.append("  ".repeat(depth));
        }

        Json open(char bracket) {
            before();
            out.append(bracket);
            depth++;
            first = true;
            return this;
        }

        Json close(char bracket) {
            depth--;
            if (!first) {
                out.append('\n');
                indent();
            }
            out.append(bracket);
            first = false;
            return this;
        }

        Json key(String k) {
            before();
            out.append(quote(k)).append(": ");
            afterKey = true;
            return this;
        }

        Json string(String v) {
            before();
            out.append(quote(v));
            return this;
        }

        Json string(Optional<String> v) {
            if (v.isPresent()) return string(v.get());
            return nul();
        }

        Json number(long v) {
            before();
            out.append(v);
            return this;
        }

        Json number(OptionalInt v) {
            if (v.isPresent()) return number(v.getAsInt());
            return nul();
        }

        Json bool(boolean v) {
            before();
            out.append(v);
            return this;
        }

        Json nul() {
            before();
            out.append("null");
            return this;
        }

        /** A list of strings on one line: {@code ["a", "b"]}. */
        Json strings(List<String> values) {
            before();
            out.append('[');
            for (int i = 0; i < values.size(); i++) out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
            out.append(']');
            return this;
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': b.append("\\\""); break;
                    case '\\': b.append("\\\\"); break;
                    case '\n': b.append("\\n"); break;
                    case '\r': b.append("\\r"); break;
                    case '\t': b.append("\\t"); break;
                    default:
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                }
            }
            return b.append('"').toString();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
