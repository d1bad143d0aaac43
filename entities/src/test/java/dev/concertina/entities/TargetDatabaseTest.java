package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The target version picks Hibernate's dialect version, which changes its DDL. */
class TargetDatabaseTest {

    @Test
    void versionsParseFromServerStrings() {
        assertArrayEquals(new int[] {10, 11, 6}, TargetDatabase.of(Dialect.MARIADB, "10.11.6-MariaDB-0+deb12u1").versionParts());
        assertArrayEquals(new int[] {15, 4, 0}, TargetDatabase.of(Dialect.POSTGRES, "15.4 (Debian 15.4-2)").versionParts());
        assertArrayEquals(new int[] {16, 0, 0}, TargetDatabase.of(Dialect.POSTGRES, "16").versionParts());
        assertEquals("15.0", TargetDatabase.of(Dialect.POSTGRES).effectiveVersion());
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> TargetDatabase.of(Dialect.H2, "latest"));
        assertEquals(ErrorCode.CONFIGURATION, e.code());
    }

    @Test
    void olderMariaDbHasNoNativeUuidType() {
        // MariaDB added the UUID type in 10.7; Hibernate uses binary(16) before that.
        assertEquals("UUID", uuidType("10.11"));
        assertEquals("BINARY(16)", uuidType("10.6"));
    }

    private static String uuidType(String version) {
        return new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB, version))
                .read(Fixtures.packages(Fixtures.SHOP)).table("customers").orElseThrow()
                .column("publicId").orElseThrow().type().describe();
    }

    @Test
    void ddlStatementsComeWithoutDelimiters() {
        List<String> ddl = EntityDdl.createScript(Fixtures.packages(Fixtures.LIBRARY), TargetDatabase.of(Dialect.POSTGRES));
        assertTrue(ddl.contains("create sequence Author_SEQ start with 1 increment by 50"), ddl::toString);
        assertTrue(ddl.stream().noneMatch(s -> s.endsWith(";") || s.isBlank()), ddl::toString);
        assertTrue(ddl.stream().anyMatch(s -> s.startsWith("alter table if exists loans add constraint") && s.endsWith("on delete cascade")), ddl::toString);
    }
}
