package dev.concertina.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the command touches outside itself, so tests can run it in-process.
 *
 * @param out     results and progress
 * @param err     warnings and errors
 * @param env     the environment ({@code CONCERTINA_PASSWORD})
 * @param workDir where {@code concertina.properties} is looked for; {@code Path.of("")} in the real command
 */
public record Io(PrintWriter out, PrintWriter err, Map<String, String> env, Path workDir, Terminal terminal) {

    public Io {
        env = Map.copyOf(env);
    }
}
