package dev.concertina.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class H2LockLeaseTest {

    @Test
    void theHeartbeatKeepsALongHeldLockFromExpiring() throws Exception {
        Duration ttl = Duration.ofMillis(300);
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            try (MigrationLock held = new H2Support(ttl).lock(db.connect(), "A", Duration.ofSeconds(5), MigrationListener.NONE)) {
                // A migration's DDL on its own connection meanwhile, and more than three leases pass.
                db.execute("CREATE TABLE x (id INT)", "ALTER TABLE x ADD COLUMN y INT");
                Thread.sleep(ttl.toMillis() * 4);
                ConcertinaException e = assertThrows(ConcertinaException.class,
                        () -> new H2Support(ttl).lock(db.connect(), "B", Duration.ofMillis(200), MigrationListener.NONE));
                assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            }
            // Released: the next one gets it at once.
            new H2Support(ttl).lock(db.connect(), "B", Duration.ZERO, MigrationListener.NONE).close();
        }
    }
}
