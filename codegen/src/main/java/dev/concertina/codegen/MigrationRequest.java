package dev.concertina.codegen;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * What a generated migration needs besides its plan.
 *
 * @param basePackage the application's migration package; classes go to {@code <basePackage>.expand}
 *                    and {@code <basePackage>.contract}
 * @param message     one line saying what the revision does (also the source of the class name)
 * @param source      the dialect the plan's names were read in ({@link NamePolicy})
 * @param expand      the expand branch before this run (the new expand revision's parent)
 * @param contract    the contract branch before this run (the new contract revision's parent)
 * @param milestone   an optional release milestone for the new revisions
 * @param expandId    the expand revision id to use; empty: derived from the content ({@link RevisionIds})
 * @param contractId  the contract revision id to use; empty: derived from the content
 */
public record MigrationRequest(
        String basePackage,
        String message,
        Dialect source,
        BranchHead expand,
        BranchHead contract,
        Optional<String> milestone,
        Optional<String> expandId,
        Optional<String> contractId) {

    public MigrationRequest {
        Objects.requireNonNull(basePackage, "basePackage");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expand, "expand");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(expandId, "expandId");
        Objects.requireNonNull(contractId, "contractId");
        if (!SourceVersion.isName(basePackage)) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, "migration package '" + basePackage + "' is not a Java package name");
        }
        if (message.isBlank()) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, "revision message is empty: say what the revision does (-m)");
        }
    }

    /** A request with derived revision ids and no milestone. */
    public static MigrationRequest of(
            String basePackage, String message, Dialect source, BranchHead expand, BranchHead contract) {
        return new MigrationRequest(
                basePackage, message, source, expand, contract, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public MigrationRequest withMilestone(String value) {
        return new MigrationRequest(
                basePackage, message, source, expand, contract, Optional.of(value), expandId, contractId);
    }

    public MigrationRequest withIds(Optional<String> expandRevision, Optional<String> contractRevision) {
        return new MigrationRequest(
                basePackage, message, source, expand, contract, milestone, expandRevision, contractRevision);
    }
}
