package dev.concertina.cli;

import java.io.Console;
import java.util.Optional;

/** The operator's terminal, when there is one: prompts for a password or a confirmation. */
public interface Terminal {

    /** True when stdin and stdout are a terminal a person can answer on. */
    boolean interactive();

    /** Reads a password without echo; empty when there is no terminal. */
    Optional<char[]> readPassword(String prompt);

    /** Reads one line; empty when there is no terminal. */
    Optional<String> readLine(String prompt);

    /** The process's console ({@link System#console()}: null when stdin or stdout is redirected on Java 17). */
    static Terminal system() {
        Console console = System.console();
        return new Terminal() {
            @Override
            public boolean interactive() {
                return console != null;
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return console == null ? Optional.empty() : Optional.ofNullable(console.readLine("%s", prompt));
            }
        };
    }

    /** No terminal: stdin is a pipe or a file (CI, scripts, tests). */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.empty();
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.empty();
            }
        };
    }
}
