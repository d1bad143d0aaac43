package dev.concertina.bench.scale;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Writes the live reader's model of one schema as text, one table per line, so two versions of the
 * reader can be compared on the same database ({@code diff old.txt new.txt}): a change to the live
 * reader for speed must leave this file identical.
 *
 * <p>Arguments: {@code dialect url user schema out-file}.
 */
public final class DumpLive {

    private DumpLive() {}

    public static void main(String[] args) throws Exception {
        Dialect d = Dialect.fromLabel(args[0]);
        try (Connection c = DriverManager.getConnection(args[1], args[2], "")) {
            long t0 = System.nanoTime();
            Schema s = LiveSchemaReader.read(c, d, args[3]);
            long t1 = System.nanoTime();
            StringBuilder sb = new StringBuilder();
            for (Table t : s.tables()) sb.append(t).append('\n');
            s.sequences().forEach(q -> sb.append(q).append('\n'));
            Files.writeString(Path.of(args[4]), sb.toString(), StandardCharsets.UTF_8);
            System.out.printf("%d tables, %d sequences, read in %.0f ms%n", s.tables().size(), s.sequences().size(), (t1 - t0) / 1e6);
        }
    }
}
