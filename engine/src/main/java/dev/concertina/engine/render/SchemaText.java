package dev.concertina.engine.render;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.Trigger;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;

/**
 * A schema as plain text, for {@code concertina inspect}: what the engine sees, one line per
 * element, tables and sequences in name order, constraints in the model's canonical order.
 *
 * <pre>
 * table "book" -- Books in print
 *   column "id" BIGINT not null identity
 *   column "title" VARCHAR(255) not null default 'untitled' -- Shown on the cover
 *   primary key (id)
 *   unique "uk_title" (title)
 *   index (author_id, title)
 *   foreign key (author_id) references "author" (id) on delete SET NULL
 *   check (length(title) > 0)
 *   trigger "book_audit" BEFORE INSERT,UPDATE
 * sequence "book_seq" start 1 increment 50
 * </pre>
 *
 * A system-generated (empty) constraint name is not printed; ON DELETE / ON UPDATE are printed
 * only when not NO ACTION. Deterministic: the same schema gives the same text.
 */
public final class SchemaText {

    private SchemaText() {}

    public static String render(Schema schema) {
        Schema s = schema.sorted();
        StringBuilder out = new StringBuilder();
        for (Table t : s.tables()) {
            out.append("table ").append(q(t.name())).append(comment(t.comment())).append('\n');
            for (Column c : t.columns()) {
                out.append("  column ").append(q(c.name())).append(' ').append(c.type().describe());
                if (!c.nullable()) out.append(" not null");
                if (c.identity()) out.append(" identity");
                c.defaultValue().ifPresent(d -> out.append(" default ").append(d));
                out.append(comment(c.comment())).append('\n');
            }
            t.primaryKey().ifPresent(pk -> out.append("  primary key").append(name(pk.name())).append(' ').append(cols(pk.columns())).append('\n'));
            for (UniqueConstraint u : t.uniques()) {
                out.append("  unique").append(name(u.name())).append(' ').append(cols(u.columns())).append('\n');
            }
            for (Index i : t.indexes()) {
                out.append(i.unique() ? "  unique index" : "  index").append(name(i.name())).append(' ').append(cols(i.columns())).append('\n');
            }
            for (ForeignKey f : t.foreignKeys()) {
                out.append("  foreign key").append(name(f.name())).append(' ').append(cols(f.columns()))
                        .append(" references ").append(q(f.referencedTable())).append(' ').append(cols(f.referencedColumns()));
                if (f.onDelete() != ReferentialAction.NO_ACTION) out.append(" on delete ").append(action(f.onDelete()));
                if (f.onUpdate() != ReferentialAction.NO_ACTION) out.append(" on update ").append(action(f.onUpdate()));
                out.append('\n');
            }
            for (CheckConstraint c : t.checks()) {
                out.append("  check").append(name(c.name())).append(" (").append(c.expression()).append(")\n");
            }
            for (Trigger tr : t.triggers()) {
                out.append("  trigger ").append(q(tr.name())).append(' ').append(tr.timing()).append(' ').append(tr.event()).append('\n');
            }
        }
        for (Sequence q : s.sequences()) {
            out.append("sequence ").append(q(q.name())).append(" start ").append(q.start())
                    .append(" increment ").append(q.increment()).append('\n');
        }
        return out.toString();
    }

    private static String action(ReferentialAction a) {
        return a.name().replace('_', ' ');
    }

    private static String q(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String name(String name) {
        return name.isEmpty() ? "" : " " + q(name);
    }

    private static String cols(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    private static String comment(Optional<String> comment) {
        return comment.map(c -> " -- " + c.replace("\n", " ")).orElse("");
    }
}
