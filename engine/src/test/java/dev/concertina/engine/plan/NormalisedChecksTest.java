package dev.concertina.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.Dialect;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Enum checks as the databases store them, after the live reader's normaliser: the planner must
 * still recognise their domains, or an enum value added would wait for contract.
 */
class NormalisedChecksTest {

    static Stream<Arguments> stored() {
        return Stream.of(
                Arguments.of(Dialect.POSTGRES, "((status)::text = ANY ((ARRAY['ACTIVE'::character varying, 'LOCKED'::character varying])::text[]))",
                        new CheckDomain("status", Set.of("ACTIVE", "LOCKED"), 0, -1)),
                Arguments.of(Dialect.H2, "\"STATUS\" IN('ACTIVE', 'LOCKED')", new CheckDomain("status", Set.of("ACTIVE", "LOCKED"), 0, -1)),
                Arguments.of(Dialect.MARIADB, "`status` in ('ACTIVE','LOCKED')", new CheckDomain("status", Set.of("ACTIVE", "LOCKED"), 0, -1)),
                Arguments.of(Dialect.POSTGRES, "((kind >= 0) AND (kind <= 2))", new CheckDomain("kind", Set.of(), 0, 2)),
                Arguments.of(Dialect.H2, "\"KIND\" BETWEEN 0 AND 2", new CheckDomain("kind", Set.of(), 0, 2)),
                Arguments.of(Dialect.MARIADB, "`kind` between 0 and 2", new CheckDomain("kind", Set.of(), 0, 2)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("stored")
    void domainOfAStoredCheck(Dialect dialect, String stored, CheckDomain expected) {
        String canonical = Normalizer.forDialect(dialect).check(stored);
        assertEquals(Optional.of(expected), CheckDomain.parse(canonical), canonical);
    }
}
