package dev.concertina.codegen;

import com.palantir.javapoet.JavaFile;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated migration class.
 *
 * @param branch    expand or contract
 * @param revision  its revision id
 * @param className its fully qualified class name
 * @param file      the JavaPoet file
 */
public record GeneratedMigration(Branch branch, String revision, String className, JavaFile file) {

    public GeneratedMigration {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(file, "file");
    }

    /** The source text (UTF-8, {@code \n} line ends, four-space indent, lines kept within 100 columns where Java allows). */
    public String source() {
        return Layout.rewrap(file.toString());
    }

    /** The path of the source file below a source root: {@code com/acme/db/expand/E0002AddDisplayName.java}. */
    public Path relativePath() {
        return Path.of(className.replace('.', '/') + ".java");
    }

    /**
     * Writes the source below {@code sourceRoot} (creating package directories) and returns the file.
     *
     * @throws ConcertinaException (CODEGEN) when the file exists already or cannot be written
     */
    public Path writeTo(Path sourceRoot) {
        Path target = sourceRoot.resolve(relativePath());
        if (Files.exists(target)) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, "write " + target + ": the file exists already; nothing was overwritten");
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(ErrorCode.CODEGEN, "write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }
}
