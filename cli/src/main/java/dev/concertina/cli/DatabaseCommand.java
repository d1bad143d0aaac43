package dev.concertina.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand that opens the database, does its work, and returns its exit code. */
abstract class DatabaseCommand implements Callable<Integer> {

    @ParentCommand
    Concertina root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        before();
        Integer code = callWithoutSession();
        return code != null ? code : Session.run(root, this::run);
    }

    /** A command that does not need an open session overrides this; {@code null} runs {@link #run}. */
    Integer callWithoutSession() {
        return null;
    }

    /** Checks that need no database (argument combinations, confirmations). */
    void before() {}

    abstract int run(Session session);
}
