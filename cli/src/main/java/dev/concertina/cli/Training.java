package dev.concertina.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The training run of the class-data-sharing archive the {@code concertina} launcher uses, run once
 * at package time under {@code -XX:ArchiveClassesAtExit} (cli/pom.xml): the commands users run
 * most, against in-memory H2 databases, so the classes of picocli's model, jOOQ, the migrator,
 * Hibernate's bootstrap, SchemaCrawler and codegen are loaded and archived. Its output is dropped;
 * a command that fails here fails the build, since the archive would then miss what it skipped.
 *
 * <p>Arguments: the cli jar (the training model's class path), a scratch folder (emptied), and the
 * launcher script to install next to the jar (copied, made executable: Maven has no portable way).
 */
public final class Training {

    private Training() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path scratch = Path.of(args[1]).toAbsolutePath();
        deleteTree(scratch);
        Files.createDirectories(scratch);
        if (args.length > 2) {
            Path launcher = jar.resolveSibling("concertina");
            Files.copy(Path.of(args[2]), launcher, StandardCopyOption.REPLACE_EXISTING);
            launcher.toFile().setExecutable(true, false);
        }
        Path migrations = scratch.resolve("classes");
        Files.createDirectories(migrations.resolve("training/migrations")); // a package with no revisions yet
        String model = "--classpath " + jar + " --package dev.concertina.cli.training";
        String mig = "--migrations-classpath " + migrations + " --migrations-package training.migrations";
        List<String> runs = List.of(
                "--help",
                "version --url jdbc:h2:mem:training " + mig,
                "diff --url jdbc:h2:mem:training --format json " + model,
                "diff --url jdbc:h2:mem:training --format sql " + model,
                "revision --autogenerate -m training --url jdbc:h2:mem:training --source " + scratch.resolve("src")
                        + " " + mig + " " + model,
                "check --url jdbc:h2:mem:training " + mig + " " + model);
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (String line : runs) {
            StringBuilder err = new StringBuilder();
            PrintWriter errors = new PrintWriter(new java.io.StringWriter() {
                @Override
                public void write(String s, int off, int len) {
                    err.append(s, off, off + len);
                }
            });
            int code = Main.run(line.split(" "), new Io(nowhere, errors, Map.of(), scratch, Terminal.none()));
            // diff exits 6 (differences), check 2 (not under version control): both did their work.
            if (code != 0 && code != 2 && code != 6) {
                throw new IllegalStateException("training run '" + line + "' exited " + code + ": "
                        + err.toString().strip());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
