package dev.concertina.cli;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar concertina.jar}: runs one command and exits with its code. Errors are one line
 * on stderr, {@code concertina: error: <what and where>}, exit 1; the stack trace only with
 * {@code --verbose}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = run(args, new Io(out, err, System.getenv(), Path.of(""), Terminal.system()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Io io) {
        quietLibraries(List.of(args).contains("--verbose") || List.of(args).contains("-v"));
        Concertina root = new Concertina(io);
        CommandLine cl = Concertina.commandLine(root, List.of(args));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setParameterExceptionHandler((ex, args2) -> {
            io.err().println("concertina: error: " + Output.safe(parameterMessage(ex)));
            io.err().flush();
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ParameterException pe) {
                io.err().println("concertina: error: " + Output.safe(parameterMessage(pe)));
            } else if (ex instanceof ConcertinaException ce) {
                io.err()
                        .println("concertina: error: "
                                + Output.safe(Output.oneLine(ce.getMessage()) + passwordHint(root, ce)));
            } else {
                io.err()
                        .println("concertina: error: internal error: " + Output.safe(Output.oneLine(String.valueOf(ex)))
                                + (root.verbose() ? "" : " (run with --verbose for the stack trace)"));
            }
            if (root.verbose()) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                io.err().print(Output.safe(trace.toString()));
            }
            io.err().flush();
            return 1;
        });
        int code = cl.execute(args);
        io.out().flush();
        return code;
    }

    /**
     * How to give a password, when the server refused a login and none was given (neither
     * {@code CONCERTINA_PASSWORD} nor {@code -W}).
     */
    private static String passwordHint(Concertina root, ConcertinaException e) {
        if (e.code() != ErrorCode.CONNECTION
                || root.passwordPrompt()
                || root.io().env().containsKey(Session.PASSWORD_ENV)
                || !Session.authenticationFailed(e)) {
            return "";
        }
        return "; give the password in the environment variable " + Session.PASSWORD_ENV
                + ", or -W to be asked for it on the terminal";
    }

    /** picocli's message and its suggestions, on one line, with where to read more. */
    private static String parameterMessage(ParameterException ex) {
        StringBuilder sb = new StringBuilder(Output.oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            sb.append(" (did you mean ")
                    .append(String.join(" or ", u.getSuggestions()))
                    .append("?)");
        }
        String name = ex.getCommandLine().getCommandSpec().qualifiedName();
        sb.append("; see '").append(name).append(" --help'");
        return sb.toString();
    }

    /**
     * Users see Concertina's lines, not the libraries': jOOQ's logo and tips are off, and
     * java.util.logging (PostgreSQL's driver, SchemaCrawler) is silenced unless --verbose.
     */
    private static void quietLibraries(boolean verbose) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        LogManager.getLogManager().reset();
        Logger rootLogger = Logger.getLogger("");
        rootLogger.setLevel(verbose ? Level.WARNING : Level.OFF);
        if (verbose) {
            rootLogger.addHandler(new java.util.logging.ConsoleHandler());
        }
    }
}
