package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.rules.ConvertRule;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's {@code concertina.ignore} parses, and its conversion for the v2 → v3 type change
 * computes the right values on every database, with the column types Hibernate's DDL uses there:
 * what the sync triggers will evaluate while v2 and v3 code run side by side.
 */
class ConversionHintTest {

    private static final Pattern IS_ENABLED_TYPE = Pattern.compile("\\bis_enabled\\s+(\\w+(?:\\(\\d+\\))?)");

    static ConvertRule enabledConversion() {
        Path file = ModelVersion.sampleDirectory().resolve(IgnoreRules.DEFAULT_FILE);
        List<ConvertRule> conversions = IgnoreRules.parse(file).hints().conversions();
        assertEquals(1, conversions.size(), "conversions in " + file);
        ConvertRule c = conversions.get(0);
        assertTrue(c.matches("identity_user", "is_enabled"), c.toString());
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void conversionMapsTheFlagBothWays(DbKind kind) throws Exception {
        ConvertRule conversion = enabledConversion();
        String booleanType = hibernateTypeOfIsEnabled(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute("create table flag_conversion (id integer primary key, enabled varchar(1), is_enabled " + booleanType + ")",
                    "insert into flag_conversion (id, enabled, is_enabled) values (1, 'Y', null), (2, 'N', null), (3, null, true), (4, null, false)");
            String up = conversion.renderUp("enabled");
            String down = conversion.renderDown("is_enabled").orElseThrow();
            List<String> rows = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select id, " + up + ", " + down + " from flag_conversion order by id")) {
                while (r.next()) {
                    int id = r.getInt(1);
                    rows.add(id <= 2 ? id + " up " + r.getBoolean(2) : id + " down " + r.getString(3));
                }
            }
            assertEquals(List.of("1 up true", "2 up false", "3 down Y", "4 down N"), rows, kind.label() + " with is_enabled " + booleanType);
        }
    }

    /** The type Hibernate's v3 DDL gives {@code is_enabled} on this database ({@code boolean}, {@code bit}, …). */
    private static String hibernateTypeOfIsEnabled(DbKind kind) {
        for (String sql : ModelVersion.V3.hibernateDdl(ModelVersion.dialect(kind))) {
            Matcher m = IS_ENABLED_TYPE.matcher(sql);
            if (sql.startsWith("create table identity_user") && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no is_enabled column in Hibernate's DDL for " + kind.label());
    }
}
