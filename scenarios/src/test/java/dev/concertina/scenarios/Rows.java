package dev.concertina.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Rows of a scenario's {@code seed} and {@code expect} files, one per line:
 * {@code person id=1 fullname='Ann Lee' age=42} (integers, quoted strings, {@code null}).
 * Names are written in lower case, as the entities name them, and folded for the database.
 */
record Rows(String table, Map<String, Object> values) {

    private static final Pattern VALUE = Pattern.compile("(\\w+)=('([^']*)'|-?\\d+|null)");

    static Rows parse(String line) {
        int sp = line.indexOf(' ');
        String table = line.substring(0, sp);
        Map<String, Object> values = new LinkedHashMap<>();
        Matcher m = VALUE.matcher(line.substring(sp + 1));
        while (m.find()) {
            String v = m.group(2);
            values.put(m.group(1), m.group(3) != null ? m.group(3) : v.equals("null") ? null : (Object) Integer.valueOf(v));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no column=value in row line: " + line);
        }
        return new Rows(table, values);
    }

    /** The name as the database stores an unquoted lower-case name Hibernate wrote. */
    static Name name(String n, Dialect d) {
        return DSL.quotedName(d == Dialect.H2 ? n.toUpperCase(Locale.ROOT) : n);
    }

    void insert(DSLContext dsl, Dialect d) {
        List<Field<?>> fields = new ArrayList<>();
        List<Object> binds = new ArrayList<>();
        values.forEach((k, v) -> {
            fields.add(DSL.field(name(k, d)));
            binds.add(v);
        });
        dsl.insertInto(DSL.table(name(table, d)), fields).values(binds).execute();
    }

    /** Exactly one row has these values. */
    void assertPresent(DSLContext dsl, Dialect d, String where) {
        List<Condition> conditions = new ArrayList<>();
        values.forEach((k, v) -> conditions.add(v == null ? DSL.field(name(k, d)).isNull() : DSL.field(name(k, d), Object.class).eq(DSL.val(v))));
        int n = dsl.fetchCount(DSL.table(name(table, d)), DSL.and(conditions));
        assertEquals(1, n, "rows of " + table + " matching " + values + " " + where + ": " + dsl.selectFrom(DSL.table(name(table, d))).fetch().format());
    }
}
