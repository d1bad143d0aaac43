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
        try (Session session = Session.open(root)) {
            try {
                return run(session);
            } finally {
                session.listener().closeLine();
            }
        }
    }

    /** Checks that need no database (argument combinations, confirmations). */
    void before() {}

    abstract int run(Session session);
}
