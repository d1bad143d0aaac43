package dev.concertina.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Empty revisions for {@code concertina revision --expand|--contract -m MSG}: a class in the
 * branch's package, numbered after the branch's head, whose parent is that head, with an empty
 * {@code upgrade} to fill in. It has no {@code downgrade}: until one is written, the revision
 * refuses to be downgraded ({@code Migration}'s default).
 */
public final class RevisionTemplates {

    private RevisionTemplates() {}

    /**
     * An empty revision.
     *
     * @param branch      the branch to add it to
     * @param basePackage the application's migration package ({@code <basePackage>.expand} / {@code .contract})
     * @param message     what the revision will do
     * @param head        the branch before it (its head becomes the parent)
     * @param requires    for a contract revision, the expand revision it needs (usually the expand head); ignored for expand
     * @param milestone   an optional release milestone
     */
    public static GeneratedMigration empty(
            Branch branch,
            String basePackage,
            String message,
            BranchHead head,
            Optional<String> requires,
            Optional<String> milestone) {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(milestone, "milestone");
        MigrationRequest request =
                MigrationRequest.of(basePackage, message, dev.concertina.runtime.Dialect.H2, head, head);
        String simpleName = ClassNames.of(branch, head.length() + 1, message);
        String packageName = request.basePackage() + "." + branch.label();
        String javadoc = Javadocs.html(message) + "\n\n"
                + (branch == Branch.EXPAND
                        ? "<p>Expand revision, written by hand: only add or relax (new tables, nullable columns, indexes,\n"
                                + "constraints existing rows satisfy), so that the running release keeps working.\n"
                        : "<p>Contract revision, written by hand: remove or tighten what the previous release needed;\n"
                                + "it runs once no instance of that release is left.\n")
                + "\n<p>Write names through {@code SchemaNames} ({@code n.name(\"person\")} for names the database\n"
                + "folds, {@code n.exact(\"Person\")} for quoted ones). Without a {@code downgrade} method the\n"
                + "revision refuses to be downgraded.\n";
        MethodSpec upgrade = MigrationWriter.method(
                "upgrade",
                com.palantir.javapoet.CodeBlock.builder()
                        .addStatement("$T n = $T.of(ctx)", MigrationWriter.NAMES, MigrationWriter.NAMES)
                        .add("// The $L steps of this revision, for example:\n", branch.label())
                        .add(
                                branch == Branch.EXPAND
                                        ? "// ctx.dsl().alterTable(n.name(\"person\"))\n"
                                                + "//         .addColumn(n.name(\"email\"), SQLDataType.VARCHAR(200).nullable(true))\n"
                                                + "//         .execute();\n"
                                        : "// ctx.dsl().alterTable(n.name(\"person\")).dropColumn(n.name(\"fullname\")).execute();\n")
                        .build());
        String content = MigrationWriter.file(
                        packageName,
                        MigrationWriter.type(simpleName, javadoc)
                                .addMethod(upgrade)
                                .build())
                .toString();
        String id = RevisionIds.of(branch.label(), head.revision().orElse(""), message, content);
        TypeSpec type = MigrationWriter.type(simpleName, javadoc)
                .addAnnotation(MigrationWriter.revision(
                        id,
                        head.revision(),
                        branch,
                        branch == Branch.CONTRACT ? requires : Optional.empty(),
                        milestone,
                        message))
                .addMethod(upgrade)
                .build();
        return new GeneratedMigration(
                branch, id, packageName + "." + simpleName, MigrationWriter.file(packageName, type));
    }

    /**
     * Writes an empty revision below {@code sourceRoot} and returns it (its file is
     * {@code sourceRoot.resolve(result.relativePath())}).
     *
     * @throws ConcertinaException (CODEGEN) when the file exists already or cannot be written
     */
    public static GeneratedMigration write(
            Path sourceRoot,
            Branch branch,
            String basePackage,
            String message,
            BranchHead head,
            Optional<String> requires,
            Optional<String> milestone) {
        GeneratedMigration m = empty(branch, basePackage, message, head, requires, milestone);
        if (sourceRoot == null) {
            throw new ConcertinaException(ErrorCode.CODEGEN, "revision " + message + ": no output directory");
        }
        m.writeTo(sourceRoot);
        return m;
    }
}
