package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import org.junit.jupiter.api.Test;

/** What the entities state and the database cannot hold is a plan warning, never dropped silently. */
class HeldByTheDatabaseTest {

    @Test
    void aCollationOnH2IsAWarning() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            DiffResult diff = Concertina.configure()
                    .url(db.url())
                    .user(db.user())
                    .password(db.password())
                    .entityPackages("dev.concertina.api.fixture.collated")
                    .load()
                    .diff();
            assertTrue(
                    diff.plan().warnings().stream()
                            .anyMatch(w -> w.contains("collation C of \"Label\".\"text\"")
                                    && w.contains("H2 has no per-column collation")),
                    diff.plan().warnings()::toString);
        }
    }
}
