package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.entities.fixtures.naming.SnakeCaseNamingStrategy;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hibernate's default naming, and a custom PhysicalNamingStrategy given as a setting. */
class NamingStrategyTest {

    static final EntitySource.Packages DEFAULT = Fixtures.packages("dev.concertina.entities.fixtures.naming");
    static final EntitySource.Packages SNAKE = DEFAULT.withSettings(
            Map.of("hibernate.physical_naming_strategy", SnakeCaseNamingStrategy.class.getName()));

    @Test
    void defaultNamingKeepsEntityAndAttributeNames() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB)).read(DEFAULT);
        assertEquals(List.of("PickingSlot", "WarehouseZone"), s.tables().stream().map(Table::name).toList());
        assertEquals(List.of("zoneId", "displayName", "maxPallets"),
                s.table("WarehouseZone").orElseThrow().columns().stream().map(c -> c.name()).toList());
        // The implicit join column is <attribute>_<referenced key>.
        assertTrue(s.table("PickingSlot").orElseThrow().column("parentZone_zoneId").isPresent());
        assertEquals(List.of("WarehouseZone_SEQ"), s.sequences().stream().map(q -> q.name()).toList());
    }

    @Test
    void customPhysicalNamingStrategyFromSettings() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).read(SNAKE);
        assertEquals(List.of("PICKING_SLOT", "WAREHOUSE_ZONE"), s.tables().stream().map(Table::name).toList());
        assertEquals(List.of("ZONE_ID", "DISPLAY_NAME", "MAX_PALLETS"),
                s.table("WAREHOUSE_ZONE").orElseThrow().columns().stream().map(c -> c.name()).toList());
        Table slot = s.table("PICKING_SLOT").orElseThrow();
        assertTrue(slot.column("PARENT_ZONE_ZONE_ID").isPresent(), slot.columns()::toString);
        assertEquals("WAREHOUSE_ZONE", slot.foreignKeys().get(0).referencedTable());
        assertEquals(List.of("WAREHOUSE_ZONE_SEQ"), s.sequences().stream().map(q -> q.name()).toList());
    }

    @Test
    void globallyQuotedIdentifiersKeepTheirCase() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(DEFAULT.withSettings(Map.of("hibernate.globally_quoted_identifiers", "true")));
        assertEquals(List.of("PickingSlot", "WarehouseZone"), s.tables().stream().map(Table::name).toList());
        assertEquals(List.of("zoneId", "displayName", "maxPallets"),
                s.table("WarehouseZone").orElseThrow().columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void theStrategyReachesHibernatesDdlToo() {
        List<String> ddl = EntityDdl.createScript(SNAKE, TargetDatabase.of(Dialect.POSTGRES));
        assertTrue(ddl.stream().anyMatch(s -> s.startsWith("create table warehouse_zone (zone_id bigint not null")), ddl::toString);
    }

    @Test
    void theDefaultSchemaIsTheSchemaRead() {
        Schema s = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(DEFAULT.withSettings(Map.of("hibernate.default_schema", "warehouse")));
        assertEquals(List.of("pickingslot", "warehousezone"), s.tables().stream().map(Table::name).toList());
    }
}
