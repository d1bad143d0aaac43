package dev.concertina.rules;

import java.util.Objects;

/**
 * Where a rule or hint was written: a rules file and a 1-based line and column, or a command-line
 * option ({@code --rename}) with line 1 and the column inside its argument. Line 0 stands for the
 * whole source (a file that cannot be read).
 */
public record Origin(String source, int line, int column) {

    public Origin {
        Objects.requireNonNull(source, "source");
    }

    /** {@code concertina.ignore:3:15}, the prefix of every message about this place. */
    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line + ":" + column;
    }
}
