package dev.concertina.cli;

import dev.concertina.cli.config.Settings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code concertina} command. Its options are global: picocli's {@link ScopeType#INHERIT}
 * copies them onto every subcommand, bound to these fields, so they work before or after the
 * subcommand ({@code concertina --url U sync} and {@code concertina sync --url U}).
 */
@Command(
        name = "concertina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Keeps a database schema in step with an application, in expand and contract phases.",
        description = {
            "Runs an application's expand and contract migrations and tracks their versions in the database.",
            "Options may come before or after the command; command-line options win over concertina.properties.",
            "The password comes from the environment variable CONCERTINA_PASSWORD, or is asked for on a terminal (never on the command line, where `ps` would show it)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina --url jdbc:h2:./target/demo sync",
            "      both branches to head: expand, then contract (offline upgrade)",
            "  concertina sync --expand --url jdbc:postgresql://db/shop --user shop",
            "      first step of a rolling upgrade; later, once the old release is gone:",
            "  concertina sync --contract --url jdbc:postgresql://db/shop --user shop",
            "  CONCERTINA_PASSWORD=secret concertina --config prod.properties check",
            "      exit 0 up to date, 2 expand pending, 4 contract pending,",
            "      5 unknown revisions applied, 1 error",
            "",
            "concertina.properties (in the working directory, or --config FILE):",
            "  url = jdbc:h2:./target/demo",
            "  user = sa",
            "  migrations.classpath = target/classes",
            "  migrations.package = com.example.migrations",
            "  lock.timeout = 30s",
            "Relative paths in the file are relative to its folder.",
            "README.md lists every key."
        })
public final class Concertina implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "JDBC_URL",
            order = 1,
            description = {
                "JDBC URL of the database (key: url).",
                "e.g. --url jdbc:h2:./target/demo, --url jdbc:postgresql://localhost:5432/shop, --url jdbc:mariadb://localhost:3306/shop"
            })
    String url;

    @Option(
            names = "--user",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            order = 2,
            description = {
                "Database user (key: user). The password is read from CONCERTINA_PASSWORD or asked for on a terminal.",
                "e.g. --user shop"
            })
    String user;

    @Option(
            names = {"-W", "--password-prompt"},
            scope = ScopeType.INHERIT,
            order = 3,
            description = {
                "Ask for the password on the terminal even when the database might not need one.",
                "e.g. concertina -W --user shop --url jdbc:postgresql://db/shop version"
            })
    boolean passwordPrompt;

    @Option(
            names = {"-c", "--config"},
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            order = 4,
            description = {
                "Properties file to read instead of ./concertina.properties (it must exist).",
                "e.g. --config deploy/prod.properties"
            })
    Path config;

    @Option(
            names = "--migrations-classpath",
            scope = ScopeType.INHERIT,
            paramLabel = "PATHS",
            order = 5,
            description = {
                "Where the compiled migrations are: folders or jars, separated by ',' or the platform's path separator (':' on Linux), relative to the working directory (key: migrations.classpath).",
                "e.g. --migrations-classpath target/classes or --migrations-classpath build/migrations.jar"
            })
    String classpath;

    @Option(
            names = "--migrations-package",
            scope = ScopeType.INHERIT,
            paramLabel = "PACKAGE",
            order = 6,
            description = {
                "Java package of the migrations, with .expand and .contract below it (key: migrations.package).",
                "e.g. --migrations-package com.example.shop.migrations"
            })
    String migrationsPackage;

    @Option(
            names = "--lock-timeout",
            scope = ScopeType.INHERIT,
            paramLabel = "DURATION",
            order = 7,
            description = {
                "How long to wait for another process's migration lock before giving up (key: lock.timeout; default 60s).",
                "e.g. --lock-timeout 2m, --lock-timeout 500ms, --lock-timeout 0 (do not wait)"
            })
    String lockTimeout;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            order = 8,
            description = {"Print only results and errors, not each migration as it runs.", "e.g. concertina -q sync"})
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            order = 9,
            description = {
                "Print the configuration used and, on an error, its stack trace.",
                "e.g. concertina sync --verbose"
            })
    boolean verbose;

    public Concertina(Io io) {
        this.io = io;
    }

    /** The subcommands, in the order help lists them; {@link #commandLine} registers them. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("sync", SyncCommand::new);
        m.put("upgrade", UpgradeCommand::new);
        m.put("downgrade", DowngradeCommand::new);
        m.put("goto", GotoCommand::new);
        m.put("version", VersionCommand::new);
        m.put("version_control", VersionControlCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("check", CheckCommand::new);
        m.put("repair", RepairCommand::new);
        m.put("inspect", dev.concertina.cli.schema.InspectCommand::new);
        m.put("diff", dev.concertina.cli.schema.DiffCommand::new);
        m.put("revision", dev.concertina.cli.schema.RevisionCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Global options that take a value, so a value is never taken for the command's name. */
    private static final Set<String> VALUED = Set.of(
            "--url", "--user", "-c", "--config", "--migrations-classpath", "--migrations-package", "--lock-timeout");

    /**
     * The command line for {@code args}. Building picocli's model of a subcommand is reflection
     * (about 15 ms each), and start-up is most of a command's time, so when the arguments name
     * exactly one subcommand only that one is registered; help, unknown names and no command at
     * all get every subcommand (for the listing and the "did you mean" suggestions).
     */
    static CommandLine commandLine(Concertina root, List<String> args) {
        CommandLine cl = new CommandLine(root);
        Optional<String> chosen = chosen(args);
        for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
            if (chosen.isEmpty() || chosen.get().equals(e.getKey())) {
                cl.addSubcommand(e.getValue().get());
            }
        }
        return cl;
    }

    private static Optional<String> chosen(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return Optional.empty();
            }
            if (VALUED.contains(a)) {
                i++; // its value
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            String name = a.equals("version-control") ? "version_control" : a;
            return SUBCOMMANDS.containsKey(name) ? Optional.of(name) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                "missing command: choose one of "
                        + String.join(
                                ", ",
                                spec.subcommands().keySet().stream()
                                        .filter(n -> !n.equals("version-control"))
                                        .toList()));
    }

    public Io io() {
        return io;
    }

    public Output output() {
        return new Output(io, quiet, verbose);
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean passwordPrompt() {
        return passwordPrompt;
    }

    public Settings.Flags flags() {
        return new Settings.Flags(
                Optional.ofNullable(url),
                Optional.ofNullable(user),
                Optional.ofNullable(config),
                Optional.ofNullable(classpath),
                Optional.ofNullable(migrationsPackage),
                Optional.ofNullable(lockTimeout));
    }
}
