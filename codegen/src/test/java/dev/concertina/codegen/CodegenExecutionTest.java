package dev.concertina.codegen;

import dev.concertina.testdb.DbKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case's generated classes, compiled with every lint, run through the {@code Migrator} on
 * H2, PostgreSQL and MariaDB: the database read back afterwards equals the desired schema, and
 * after the downgrades the current one again.
 */
class CodegenExecutionTest {

    @org.junit.jupiter.api.AfterAll
    static void dropSharedDatabase() {
        Harness.closeShared();
    }

    static Stream<Arguments> cases() {
        // -Dcodegen.cases=a,b narrows the run while working on a few cases.
        java.util.Set<String> only = java.util.Set.of(System.getProperty("codegen.cases", "").split(","));
        return Cases.list().stream().filter(s -> only.contains("") || only.contains(s.name())).flatMap(s -> Stream.of(DbKind.values()).map(k -> Arguments.of(s.name(), k)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void runsAndBuildsTheDesiredSchema(String name, DbKind kind) throws Exception {
        Harness.roundTrip(Cases.named(name).orElseThrow(), kind);
    }
}
