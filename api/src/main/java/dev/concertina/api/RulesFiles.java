package dev.concertina.api;

import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.RulesException;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The rules and hints files read for a comparison; their errors as Concertina's RULES errors. */
final class RulesFiles {

    private RulesFiles() {}

    /** The rules file, or no rules. */
    static IgnoreRules rules(Optional<Path> file) {
        if (file.isEmpty()) {
            return IgnoreRules.none();
        }
        requireFile(file.get(), "rules");
        try {
            return IgnoreRules.parse(file.get());
        } catch (RulesException e) {
            throw error(e);
        }
    }

    /** The hints file's hints, then {@code more}. */
    static Hints hints(Optional<Path> file, Hints more) {
        try {
            Hints fromFile = Hints.empty();
            if (file.isPresent()) {
                requireFile(file.get(), "hints");
                fromFile = IgnoreRules.parseHints(file.get());
            }
            return Hints.merge(fromFile, more);
        } catch (RulesException e) {
            throw error(e);
        }
    }

    static IgnoreRules withHints(IgnoreRules rules, Hints hints) {
        try {
            return rules.withHints(hints);
        } catch (RulesException e) {
            throw error(e);
        }
    }

    static ConcertinaException error(RulesException e) {
        return new ConcertinaException(ErrorCode.RULES, e.getMessage());
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, what + " file " + p + " does not exist");
        }
    }
}
