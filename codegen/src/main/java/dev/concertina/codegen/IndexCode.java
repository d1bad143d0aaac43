package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.SchemaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Indexes as jOOQ code: created with their table ({@code ctx.dsl().createIndex(…).on(…)}) or on an
 * existing one ({@code OnlineDdl.createIndex}), each key in the order the model states
 * ({@code DSL.field(n.name("last_name")).desc()}), and dropped by name or, for a name the database
 * chose, by the name looked up when the migration runs.
 */
final class IndexCode {

    private static final ClassName DSL = TypeCode.DSL;
    private static final ClassName ONLINE_DDL = OnlineDdlCode.ONLINE_DDL;

    private final NamePolicy p;
    private final OnlineDdlCode online;

    IndexCode(NamePolicy policy, OnlineDdlCode online) {
        this.p = policy;
        this.online = online;
    }

    /**
     * Why the generated code cannot build {@code i} as it is, if it cannot: a predicate, an
     * expression key, INCLUDE columns or an access method other than B-tree. The entities cannot
     * ask for one; a downgrade restoring a dropped one is refused instead of building another index.
     */
    static Optional<String> unbuildable(Index i) {
        IndexDetails d = i.details();
        if (d.predicate().isPresent()) {
            return Optional.of("is partial (where " + d.predicate().get() + ")");
        }
        if (!d.expressions().isEmpty()) {
            return Optional.of("has an expression key ("
                    + d.expressions().stream()
                            .map(k -> i.columns().get(k))
                            .collect(java.util.stream.Collectors.joining(", "))
                    + ")");
        }
        if (!d.include().isEmpty()) {
            return Optional.of("has INCLUDE (" + String.join(", ", d.include()) + ")");
        }
        if (!d.method().isEmpty()) {
            return Optional.of("is a " + d.method() + " index");
        }
        return Optional.empty();
    }

    private static void requireBuildable(String table, Index i) {
        unbuildable(i).ifPresent(why -> {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    "index " + (i.name().isEmpty() ? "on \"" + table + "\"" : "\"" + i.name() + "\"") + " " + why
                            + ": Concertina cannot build it; write this step by hand in a revision of its own");
        });
    }

    /** The index of a table being created, on the plain DSL (no one uses the table yet). */
    void add(String table, Index i, CodeBlock.Builder b) {
        requireBuildable(table, i);
        b.addStatement(
                "$L",
                Layout.chain(
                        Layout.BODY_INDENT,
                        CodeBlock.of(
                                "ctx.dsl().$L($L)",
                                i.unique() ? "createUniqueIndex" : "createIndex",
                                p.name(indexName(table, i))),
                        i.details().order().isEmpty()
                                ? CodeBlock.of(".on($L,$W$L)", p.name(table), p.names(i.columns()))
                                : CodeBlock.of(".on($T.table($L),$W$L)", DSL, p.name(table), orderedKeys(i)),
                        CodeBlock.of(".execute()")));
    }

    /** An index on an existing table, built online; keys with a stated order as ordered fields. */
    void create(Change.AddIndex a, CodeBlock.Builder b) {
        Index i = a.index();
        requireBuildable(a.table(), i);
        if (i.details().order().isEmpty()) {
            online.createIndex(b, a.table(), indexName(a.table(), i), i.unique(), i.columns());
            return;
        }
        b.addStatement(
                "$T.createIndex(ctx,$W$L,$W$L,$W$L,$W$L)",
                ONLINE_DDL,
                p.name(indexName(a.table(), i)),
                p.name(a.table()),
                i.unique(),
                orderedKeys(i));
    }

    /** A named index by its name; one the database named, by the name it has when the migration runs. */
    void drop(Change.DropIndex d, CodeBlock.Builder b, boolean sqlView, Runnable lookedUp) {
        if (d.index().name().isEmpty() && sqlView) {
            lookedUp.run();
            return;
        }
        CodeBlock name = d.index().name().isEmpty()
                ? CodeBlock.of(
                        "$L.index($L,$W$L)",
                        p.names(),
                        p.name(d.table()),
                        p.names(d.index().columns()))
                : p.name(d.index().name());
        online.dropIndex(b, d.table(), name);
    }

    /**
     * {@code DSL.field(n.name("a")).desc(), DSL.field(n.name("b"))}: each key with its order. A null
     * order (read from PostgreSQL or H2, where an index can state it: a dropped index restored by a
     * downgrade) is written too, {@code .desc().nullsLast()}; MariaDB has none to read.
     */
    private CodeBlock orderedKeys(Index i) {
        List<CodeBlock> keys = new ArrayList<>();
        for (int k = 0; k < i.columns().size(); k++) {
            String order = i.details().orderOf(k).toUpperCase(Locale.ROOT);
            CodeBlock.Builder key = CodeBlock.builder()
                    .add("$T.field($L)", DSL, p.name(i.columns().get(k)));
            if (order.startsWith("DESC")) {
                key.add(".desc()");
            } else if (order.contains("NULLS")) {
                key.add(".asc()");
            }
            if (order.endsWith("NULLS FIRST")) {
                key.add(".nullsFirst()");
            } else if (order.endsWith("NULLS LAST")) {
                key.add(".nullsLast()");
            } else if (!order.isEmpty() && !order.equals("DESC")) {
                throw new ConcertinaException(
                        ErrorCode.CODEGEN,
                        "index " + (i.name().isEmpty() ? i.describeKey() : "\"" + i.name() + "\"") + ": key order '"
                                + order + "' of \"" + i.columns().get(k)
                                + "\" has no jOOQ form; write this step by hand in a revision of its own");
            }
            keys.add(key.build());
        }
        return keys.stream().collect(CodeBlock.joining(",$W"));
    }

    /**
     * The name of an index to create; an index the model holds without a name gets a
     * deterministic one, {@code ix_<table>_<columns>} (shortened to fit every database), so that its
     * downgrade can drop it again.
     */
    static String indexName(String table, Index i) {
        if (!i.name().isEmpty()) {
            return i.name();
        }
        return SchemaNames.fitEverywhere("ix_" + table + "_" + String.join("_", i.columns()));
    }
}
