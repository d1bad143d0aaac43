package dev.concertina.spring;

import dev.concertina.runtime.ConcertinaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refusal at startup into Spring Boot's short failure report: the reason, then what to do. */
public class ConcertinaFailureAnalyzer extends AbstractFailureAnalyzer<ConcertinaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConcertinaException cause) {
        return new FailureAnalysis("Concertina: " + cause.getMessage(), action(cause), cause);
    }

    private static String action(ConcertinaException cause) {
        switch (cause.code()) {
            case OUTDATED_SCHEMA:
                return "Bring the database's expand branch to this release's head first (`concertina sync --expand` or"
                        + " `mvn concertina:sync -Dconcertina.phase=expand`), or set concertina.sync-on-startup=expand.";
            case CONFIGURATION:
            case UNSUPPORTED_DATABASE:
                return "Check the concertina.* properties (docs/spring-boot.md).";
            case CONNECTION:
                return "Check the database URL and credentials (concertina.url/user/password, else spring.datasource.*).";
            case NEEDS_REPAIR:
                return "Check which changes of that revision reached the schema, then run `concertina repair`.";
            case LOCK_TIMEOUT:
                return "Another instance is migrating: wait for it, or raise concertina.lock-timeout.";
            default:
                return "See docs/spring-boot.md.";
        }
    }
}
