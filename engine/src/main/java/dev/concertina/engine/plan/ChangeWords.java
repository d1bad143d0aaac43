package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.ColumnType;

/**
 * A change's or step's one line for people, with each type it changes in the target database's own
 * words and the neutral kind beside them where they differ ({@code type text (CLOB) -> varchar(255)},
 * {@code type int unsigned (INTEGER UNSIGNED) -> bigint}), as {@code inspect} shows types
 * ({@link ColumnType#display()}). The current side's words are the database's as read; the desired
 * side's are what that database gets for the entity's type (the entity reader reads the entities
 * with the target database's Hibernate dialect). Everything else reads as {@link Change#describe()}.
 */
public final class ChangeWords {

    private ChangeWords() {}

    static String describe(Step step) {
        return step instanceof Step.Ddl d ? describe(d.change()) : step.describe();
    }

    public static String describe(Change change) {
        String text = change.describe();
        if (change instanceof Change.AlterColumn a && a.aspects().contains(ColumnAspect.TYPE)) {
            return replaced(
                    text,
                    "type " + a.from().type().describe() + " -> "
                            + a.to().type().describe(),
                    "type " + a.from().type().display() + " -> " + a.to().type().display());
        }
        if (change instanceof Change.RenameColumn r && !r.from().type().sameAs(r.to().type())) {
            return replaced(
                    text,
                    " converting " + r.from().type().describe() + " to "
                            + r.to().type().describe(),
                    " converting " + r.from().type().display() + " to "
                            + r.to().type().display());
        }
        if (change instanceof Change.AddColumn a) {
            return columnInWords(text, a.column());
        }
        if (change instanceof Change.DropColumn d) {
            return columnInWords(text, d.column());
        }
        return text;
    }

    /** An added or dropped column's type, followed by its nullability in the text, in words. */
    private static String columnInWords(String text, dev.concertina.engine.model.Column c) {
        String nullability = c.nullable() ? " NULL" : " NOT NULL";
        return replaced(
                text, " " + c.type().describe() + nullability, " " + c.type().display() + nullability);
    }

    /** {@code text} with its last {@code neutral} in words; as it is when the neutral text is not there. */
    private static String replaced(String text, String neutral, String words) {
        int at = text.lastIndexOf(neutral);
        return at < 0 ? text : text.substring(0, at) + words + text.substring(at + neutral.length());
    }
}
