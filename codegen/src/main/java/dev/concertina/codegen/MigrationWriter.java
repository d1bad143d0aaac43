package dev.concertina.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.Branch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link Plan} into one expand class and/or one contract class (docs/codegen.md).
 *
 * <p>Each class carries {@code @Revision}, a Javadoc header listing every change of its phase with
 * its hazards and the reason it sits there, an {@code upgrade} built from the phase's steps, and a
 * {@code downgrade} made of the inverse steps in reverse order, or one that refuses, saying why,
 * when the upgrade destroys data. The same plan and request always give byte-identical files.
 *
 * <p>The header is {@link RevisionHeader}'s; write guards are moved around the steps that write
 * rows ({@link GuardPlacement}).
 */
public final class MigrationWriter {

    static final ClassName MIGRATION = ClassName.get("dev.concertina.runtime", "Migration");
    static final ClassName CONTEXT = ClassName.get("dev.concertina.runtime", "MigrationContext");
    static final ClassName REVISION = ClassName.get("dev.concertina.runtime", "Revision");
    static final ClassName BRANCH = ClassName.get("dev.concertina.runtime", "Branch");
    static final ClassName NAMES = ClassName.get("dev.concertina.runtime", "SchemaNames");
    static final ClassName EXCEPTION = ClassName.get("dev.concertina.runtime", "ConcertinaException");
    static final ClassName ERROR_CODE = ClassName.get("dev.concertina.runtime", "ErrorCode");
    static final ClassName DIALECT = ClassName.get("dev.concertina.runtime", "Dialect");

    private MigrationWriter() {}

    /**
     * The classes for {@code plan}: the expand class when the plan has expand steps, then the
     * contract class when it has contract steps. An empty plan gives no class.
     *
     * @throws dev.concertina.runtime.ConcertinaException (PLAN) when the plan still has undecided
     *         possible renames; (CODEGEN) naming the step when a step cannot be generated
     */
    public static List<GeneratedMigration> write(Plan plan, MigrationRequest request) {
        return write(plan, request, false);
    }

    /** {@link #write}; with {@code sqlView}, the variant {@link PlanSql} runs (helpers reported, not run). */
    static List<GeneratedMigration> write(Plan plan, MigrationRequest request, boolean sqlView) {
        plan.requireDecided();
        List<GeneratedMigration> out = new ArrayList<>();
        Optional<String> expandRevision = request.expand().revision();
        if (!plan.expand().isEmpty()) {
            GeneratedMigration e = phase(
                    plan,
                    Branch.EXPAND,
                    request,
                    request.expand().revision(),
                    Optional.empty(),
                    request.expandId(),
                    sqlView);
            out.add(e);
            expandRevision = Optional.of(e.revision());
        }
        if (!plan.contract().isEmpty()) {
            out.add(phase(
                    plan,
                    Branch.CONTRACT,
                    request,
                    request.contract().revision(),
                    expandRevision,
                    request.contractId(),
                    sqlView));
        }
        return List.copyOf(out);
    }

    private static GeneratedMigration phase(
            Plan plan,
            Branch phase,
            MigrationRequest request,
            Optional<String> parent,
            Optional<String> requires,
            Optional<String> givenId,
            boolean sqlView) {
        Branch branch = phase;
        NamePolicy names = NamePolicy.of(request.source(), plan.quotedNames(), plan.spellings());
        StepCode code = new StepCode(names, sqlView);
        List<Step> up = GuardPlacement.aroundRowWrites(plan.steps(phase));
        MethodSpec upgrade = method("upgrade", body(code, names, up)).toBuilder()
                .addJavadoc(
                        "Runs the $L steps listed in the class comment, in order.\n",
                        phase.name().toLowerCase(java.util.Locale.ROOT))
                .build();
        List<String> lost =
                irreversible(plan.steps(phase)).stream().map(names::spell).toList();
        String simpleName = ClassNames.of(branch, headLength(request, branch) + 1, request.message());
        String packageName = request.basePackage() + "." + branch.label();

        MethodSpec downgrade = lost.isEmpty()
                ? method("downgrade", body(code, names, GuardPlacement.aroundRowWrites(plan.downgrade(phase))))
                        .toBuilder()
                        .addJavadoc("Undoes {@link #upgrade}: the inverse of each step, last step first.\n")
                        .build()
                : null;
        String javadoc = RevisionHeader.of(plan, phase, request, lost, names);
        // The id is a hash of the class without its annotation, so it covers everything generated.
        TypeSpec.Builder draft = type(simpleName, javadoc).addMethod(upgrade);
        if (downgrade != null) {
            draft.addMethod(downgrade);
        }
        String content = JavaFile.builder(packageName, draft.build()).build().toString();
        String id =
                givenId.orElseGet(() -> RevisionIds.of(branch.label(), parent.orElse(""), request.message(), content));
        TypeSpec finished = type(simpleName, javadoc)
                .addAnnotation(revision(
                        id,
                        parent,
                        branch,
                        requires,
                        request.milestone(),
                        request.message(),
                        !commitsOnItsOwn(plan, phase)))
                .addMethod(upgrade)
                .addMethod(downgrade != null ? downgrade : refusingDowngrade(id, request.message(), lost))
                .build();
        return new GeneratedMigration(branch, id, packageName + "." + simpleName, file(packageName, finished));
    }

    static TypeSpec.Builder type(String simpleName, String javadoc) {
        return TypeSpec.classBuilder(simpleName)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MIGRATION)
                .addJavadoc("$L", javadoc);
    }

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static int headLength(MigrationRequest r, Branch b) {
        return b == Branch.EXPAND ? r.expand().length() : r.contract().length();
    }

    static MethodSpec method(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(CONTEXT, "ctx")
                .addCode(body)
                .build();
    }

    private static CodeBlock body(StepCode code, NamePolicy names, List<Step> steps) {
        CodeBlock.Builder b = CodeBlock.builder();
        b.addStatement("$T $L = $T.of(ctx)", NAMES, names.names(), NAMES);
        if (!steps.isEmpty()) {
            // No statement waits in a lock queue without end (docs/expand.md, "Online DDL").
            b.addStatement("$T.lockTimeout(ctx)", OnlineDdlCode.ONLINE_DDL);
        }
        // H2 checks NOT NULL before the sync trigger fills the column, so installing the trigger made
        // a NOT NULL old column nullable there (docs/expand.md); the others keep it NOT NULL all along.
        java.util.Set<String> synced = new java.util.HashSet<>();
        java.util.Set<String> unsynced = new java.util.HashSet<>();
        for (Step s : steps) {
            if (s instanceof Step.InstallSync i) {
                synced.add(i.table() + "\u0000" + i.oldColumn());
                unsynced.remove(i.table() + "\u0000" + i.oldColumn());
            } else if (s instanceof Step.DropSync d) {
                synced.remove(d.table() + "\u0000" + d.oldColumn());
                unsynced.add(d.table() + "\u0000" + d.oldColumn());
            }
            if (setsNotNull(s, synced)) {
                // Not on H2 while the trigger runs: it must stay nullable there.
                b.beginControlFlow("if (ctx.dialect() != $T.H2)", DIALECT)
                        .add(code.step(s))
                        .endControlFlow();
            } else if (setsNotNull(s, unsynced)) {
                // Only H2 relaxed it when the trigger was installed; elsewhere it is NOT NULL already.
                b.beginControlFlow("if (ctx.dialect() == $T.H2)", DIALECT)
                        .add(code.step(s))
                        .endControlFlow();
            } else {
                b.add(code.step(s));
            }
        }
        return b.build();
    }

    /** A NOT NULL set on the old column of a sync trigger in {@code columns} (table NUL column). */
    private static boolean setsNotNull(Step s, java.util.Set<String> columns) {
        return s instanceof Step.Ddl d
                && d.change() instanceof Change.AlterColumn a
                && a.aspects().contains(dev.concertina.engine.diff.ColumnAspect.NULLABLE)
                && !a.to().nullable()
                && columns.contains(a.table() + "\u0000" + a.to().name());
    }

    static AnnotationSpec revision(
            String id,
            Optional<String> parent,
            Branch branch,
            Optional<String> requires,
            Optional<String> milestone,
            String message) {
        return revision(id, parent, branch, requires, milestone, message, true);
    }

    /** With {@code transactional} false when a step commits on its own (a backfill commits batch by batch). */
    static AnnotationSpec revision(
            String id,
            Optional<String> parent,
            Branch branch,
            Optional<String> requires,
            Optional<String> milestone,
            String message,
            boolean transactional) {
        AnnotationSpec.Builder a = AnnotationSpec.builder(REVISION).addMember("id", "$S", id);
        parent.ifPresent(p -> a.addMember("parent", "$S", p));
        a.addMember("branch", "$T.$L", BRANCH, branch.name());
        requires.ifPresent(r -> a.addMember("requires", "$S", r));
        milestone.ifPresent(m -> a.addMember("milestone", "$S", m));
        a.addMember("message", "$L", Layout.string(Javadocs.oneLine(message)));
        if (!transactional) {
            a.addMember("transactional", "$L", false);
        }
        return a.build();
    }

    private static MethodSpec refusingDowngrade(String id, String message, List<String> lost) {
        String why = String.join("; ", lost);
        return method(
                        "downgrade",
                        CodeBlock.builder()
                                .addStatement(
                                        "throw new $T($T.REFUSED,$W$L)",
                                        EXCEPTION,
                                        ERROR_CODE,
                                        Layout.string("revision " + id + " (" + Javadocs.oneLine(message)
                                                + ") cannot be downgraded: " + why))
                                .build())
                .toBuilder()
                .addJavadoc("$L\n", RevisionHeader.wrapped("Refused: " + Javadocs.html(why) + ".", 4))
                .build();
    }

    /**
     * True when the upgrade of {@code phase} has a step that commits on its own, or its downgrade
     * a backfill (a renamed column's contract refills the old column); the revision is then not
     * transactional in either direction.
     */
    static boolean commitsOnItsOwn(Plan plan, Branch phase) {
        // Online DDL adapts to a transaction (PostgreSQL builds plainly inside one); a backfill cannot.
        return commitsOnItsOwn(plan.steps(phase))
                || plan.downgrade(phase).stream().anyMatch(RowWriteCode::commitsInBatches);
    }

    /** A backfill commits batch by batch and refuses to run inside the runner's transaction. */
    static boolean commitsOnItsOwn(List<Step> steps) {
        return steps.stream().anyMatch(s -> RowWriteCode.commitsInBatches(s) || OnlineDdlCode.runsOnline(s));
    }

    /** What the upgrade destroys for good: a downgrade could rebuild the structure, never the data. */
    static List<String> irreversible(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Step.Ddl d) {
                Change c = d.change();
                if (c instanceof Change.DropColumn x && !d.restorable()) {
                    out.add("dropped column \"" + x.table() + "\".\""
                            + x.column().name() + "\" data cannot be restored");
                } else if (c instanceof Change.DropTable x) {
                    out.add("dropped table \"" + x.table() + "\" rows cannot be restored");
                } else if (c instanceof Change.DropSequence x) {
                    out.add("dropped sequence \"" + x.sequence().name() + "\" position cannot be restored");
                } else if (c instanceof Change.DropIndex x) {
                    IndexCode.unbuildable(x.index())
                            .ifPresent(why -> out.add("dropped index "
                                    + (x.index().name().isEmpty()
                                            ? "on \"" + x.table() + "\" "
                                            : "\"" + x.index().name() + "\" ")
                                    + why + ": Concertina cannot rebuild it, write the downgrade by hand"));
                }
            }
        }
        return out;
    }
}
