package dev.concertina.cli;

import dev.concertina.cli.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
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
@Command(name = "concertina",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Keeps a database schema in step with an application, in expand and contract phases.",
        description = {
                "Runs an application's expand and contract migrations and tracks their versions in the database.",
                "Options may come before or after the command; command-line options win over concertina.properties.",
                "The password comes from the environment variable CONCERTINA_PASSWORD, or is asked for on a terminal",
                "(never on the command line, where `ps` would show it)."},
        subcommands = {
                SyncCommand.class,
                UpgradeCommand.class,
                DowngradeCommand.class,
                GotoCommand.class,
                VersionCommand.class,
                VersionControlCommand.class,
                HistoryCommand.class,
                CheckCommand.class,
                RepairCommand.class,
                dev.concertina.cli.schema.InspectCommand.class,
                dev.concertina.cli.schema.DiffCommand.class,
                dev.concertina.cli.schema.RevisionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  concertina --url jdbc:h2:./target/demo sync",
                "      bring both branches to head: expand, then contract (offline upgrade)",
                "  concertina sync --expand --url jdbc:postgresql://db/shop --user shop",
                "      first step of a rolling upgrade; `sync --contract` once the old release is gone",
                "  CONCERTINA_PASSWORD=secret concertina --config prod.properties check",
                "      exit 0 up to date, 2 expand pending, 4 contract pending, 5 unknown revisions, 1 error",
                "",
                "concertina.properties (in the working directory, or --config FILE):",
                "  url = jdbc:h2:./target/demo            user = sa",
                "  migrations.classpath = target/classes  migrations.package = com.example.migrations",
                "  lock.timeout = 30s",
                "Relative paths in the file are relative to the file's folder. See README.md for every key."})
public final class Concertina implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL", order = 1,
            description = {"JDBC URL of the database (key: url).",
                    "e.g. --url jdbc:h2:./target/demo, --url jdbc:postgresql://localhost:5432/shop, --url jdbc:mariadb://localhost:3306/shop"})
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME", order = 2,
            description = {"Database user (key: user). The password is read from CONCERTINA_PASSWORD or asked for on a terminal.",
                    "e.g. --user shop"})
    String user;

    @Option(names = {"-W", "--password-prompt"}, scope = ScopeType.INHERIT, order = 3,
            description = {"Ask for the password on the terminal even when the database might not need one.",
                    "e.g. concertina -W --user shop --url jdbc:postgresql://db/shop version"})
    boolean passwordPrompt;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE", order = 4,
            description = {"Properties file to read instead of ./concertina.properties (it must exist).",
                    "e.g. --config deploy/prod.properties"})
    Path config;

    @Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATHS", order = 5,
            description = {"Where the compiled migrations are: folders or jars, separated by ',' or the platform's path separator (':' on Linux),",
                    "relative to the working directory (key: migrations.classpath).",
                    "e.g. --classpath target/classes or --classpath build/migrations.jar"})
    String classpath;

    @Option(names = "--package", scope = ScopeType.INHERIT, paramLabel = "PACKAGE", order = 6,
            description = {"Java package of the migrations, with .expand and .contract below it (key: migrations.package).",
                    "e.g. --package com.example.shop.migrations"})
    String migrationsPackage;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", order = 7,
            description = {"How long to wait for another process's migration lock before giving up (key: lock.timeout; default 60s).",
                    "e.g. --lock-timeout 2m, --lock-timeout 500ms, --lock-timeout 0 (do not wait)"})
    String lockTimeout;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 8,
            description = {"Print only results and errors, not each migration as it runs.", "e.g. concertina -q sync"})
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 9,
            description = {"Print the configuration used and, on an error, its stack trace.", "e.g. concertina sync --verbose"})
    boolean verbose;

    public Concertina(Io io) {
        this.io = io;
    }

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("version-control")).toList()));
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
        return new Settings.Flags(Optional.ofNullable(url), Optional.ofNullable(user), Optional.ofNullable(config),
                Optional.ofNullable(classpath), Optional.ofNullable(migrationsPackage), Optional.ofNullable(lockTimeout));
    }
}
