package dev.concertina.engine.render;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Dependent;
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
 *   column "id" int8 (BIGINT) not null identity generated always
 *   column "title" character varying(255) (VARCHAR(255)) not null default 'untitled' -- Shown on the cover
 *   column "hits" int unsigned (INTEGER UNSIGNED) not null on update current_timestamp
 *   primary key (id)
 *   unique "uk_title" (title) deferrable
 *   index (author_id, title)
 *   index "ix_live" (lower(title), price DESC) include (state) where price > 0
 *   foreign key (author_id) references "author" (id) on delete SET NULL
 *   check (length(title) > 0)
 *   trigger "book_audit" BEFORE INSERT,UPDATE
 *   depended on by view "book_titles"
 * sequence "book_seq" start 1 increment 50
 * note: not compared: view "book_titles"
 * </pre>
 *
 * Types are shown as the database spells them, with the neutral kind beside them where it differs
 * ({@link ColumnType#display()}). A system-generated (empty) constraint name is not printed; ON
 * DELETE / ON UPDATE are printed only when not NO ACTION. Deterministic: the same schema gives the
 * same text.
 */
public final class SchemaText {

    private SchemaText() {}

    public static String render(Schema schema) {
        Schema s = schema.sorted();
        StringBuilder out = new StringBuilder();
        for (Table t : s.tables()) {
            out.append("table ")
                    .append(q(t.name()))
                    .append(comment(t.comment()))
                    .append('\n');
            for (Column c : t.columns()) {
                out.append("  column ")
                        .append(q(c.name()))
                        .append(' ')
                        .append(c.type().display());
                if (!c.nullable()) out.append(" not null");
                if (c.identity()) out.append(" identity");
                c.defaultValue().ifPresent(d -> out.append(" default ").append(d));
                String details = c.details().describe();
                if (!details.isEmpty()) out.append(' ').append(details);
                out.append(comment(c.comment())).append('\n');
            }
            t.primaryKey()
                    .ifPresent(pk -> out.append("  primary key")
                            .append(name(pk.name()))
                            .append(' ')
                            .append(cols(pk.columns()))
                            .append('\n'));
            for (UniqueConstraint u : t.uniques()) {
                out.append("  unique")
                        .append(name(u.name()))
                        .append(' ')
                        .append(cols(u.columns()))
                        .append(deferrable(u.deferrable()))
                        .append('\n');
            }
            for (Index i : t.indexes()) {
                out.append(i.unique() ? "  unique index" : "  index")
                        .append(name(i.name()))
                        .append(' ')
                        .append(i.describeKey())
                        .append('\n');
            }
            for (ForeignKey f : t.foreignKeys()) {
                out.append("  foreign key")
                        .append(name(f.name()))
                        .append(' ')
                        .append(cols(f.columns()))
                        .append(" references ")
                        .append(q(f.referencedTable()))
                        .append(' ')
                        .append(cols(f.referencedColumns()));
                if (f.onDelete() != ReferentialAction.NO_ACTION)
                    out.append(" on delete ").append(action(f.onDelete()));
                if (f.onUpdate() != ReferentialAction.NO_ACTION)
                    out.append(" on update ").append(action(f.onUpdate()));
                out.append(deferrable(f.deferrable())).append('\n');
            }
            for (CheckConstraint c : t.checks()) {
                out.append("  check")
                        .append(name(c.name()))
                        .append(" (")
                        .append(c.expression())
                        .append(")\n");
            }
            for (Trigger tr : t.triggers()) {
                out.append("  trigger ")
                        .append(q(tr.name()))
                        .append(' ')
                        .append(tr.timing())
                        .append(' ')
                        .append(tr.event())
                        .append('\n');
            }
            for (Dependent d : t.dependents()) {
                out.append("  depended on by ")
                        .append(d.kind())
                        .append(' ')
                        .append(q(d.name()))
                        .append('\n');
            }
        }
        for (Sequence q : s.sequences()) {
            out.append("sequence ")
                    .append(q(q.name()))
                    .append(" start ")
                    .append(q.start())
                    .append(" increment ")
                    .append(q.increment())
                    .append('\n');
        }
        for (String note : s.notes())
            out.append("note: ").append(note.replace("\n", "\\n")).append('\n');
        return out.toString();
    }

    private static String deferrable(String d) {
        return d.isEmpty() ? "" : " " + d.toLowerCase(java.util.Locale.ROOT);
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
