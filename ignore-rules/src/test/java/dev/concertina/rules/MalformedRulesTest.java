package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed rules file in src/test/resources/malformed fails with exactly this one-line message. */
class MalformedRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown-kind", "3:1: unknown kind \"tabel\"; expected a rule kind: table, column, index, unique, fk, check or sequence"),
                Arguments.of("missing-reason", "1:26: a rule with no reason; expected only <aspects> or reason \"<why this difference is deliberate>\""),
                Arguments.of("empty-reason", "1:24: an empty reason; expected a reason saying why this difference is deliberate"),
                Arguments.of("unquoted-reason", "1:24: found \"kept\"; expected a quoted reason such as reason \"kept for the reporting job\""),
                Arguments.of("unclosed-class", "1:13: \"[\" with no closing \"]\"; expected a closed character class such as [a-z], or [[] for a literal \"[\""),
                Arguments.of("stray-bracket", "1:16: \"]\" with no opening \"[\"; expected a character class such as [a-z], or []] for a literal \"]\""),
                Arguments.of("reversed-range", "1:14: the range 9-0 running backwards; expected a range from low to high such as 0-9"),
                Arguments.of("aspects-on-table", "1:14: \"only\" on a table rule; expected reason \"<why this difference is deliberate>\" (only column rules take \"only <aspects>\")"),
                Arguments.of("unknown-aspect", "1:30: unknown aspect \"nullabel\"; expected an aspect: type, nullable, default, identity or comment"),
                Arguments.of("duplicate-aspect", "1:39: aspect \"default\" twice; expected each aspect once"),
                Arguments.of("only-without-aspects", "1:24: found \"reason\"; expected at least one aspect after \"only\": type, nullable, default, identity or comment"),
                Arguments.of("column-without-table", "1:8: \"fullname\" without a column; expected table.column, e.g. person.legacy_* or *.created_at"),
                Arguments.of("index-without-target", "1:7: \"person\" without a name or a column list; expected table.name or table(column, ...), e.g. person.ix_email or person(email, tenant_id)"),
                Arguments.of("unclosed-column-list", "1:13: \"(\" with no closing \")\"; expected a column list closed on the same line, such as person(email, tenant_id)"),
                Arguments.of("empty-column-list", "1:15: an empty column list; expected at least one column name pattern between ( and )"),
                Arguments.of("duplicate-list-column", "1:22: column EMAIL twice in the list; expected each column once"),
                Arguments.of("schema-qualified-table", "1:13: \".\" after the table name public; expected a single name (schemas are not named; a name with a dot in it goes in double quotes)"),
                Arguments.of("hyphen-in-name", "1:12: \"-\" in a name; expected letters, digits, _, $ or wildcards; write other names in double quotes"),
                Arguments.of("unterminated-quote", "1:24: a quote with no closing quote; expected a closing '\"' on the same line (write \"\" for a quote inside)"),
                Arguments.of("non-breaking-space", "1:16: a space character U+00A0 that is not a plain space; expected a plain space or a tab"),
                Arguments.of("control-character", "1:29: control character U+0007; expected printable text"),
                Arguments.of("trailing-tokens", "1:48: found \"please\"; expected end of line after the reason (comments start with #)"),
                Arguments.of("unknown-section", "1:2: unknown section [ignores]; expected [ignore], [hints] or [policy]"),
                Arguments.of("unclosed-section", "1:7: found end of line; expected \"]\" closing the section name"),
                Arguments.of("hint-in-ignore-section", "2:1: hint \"rename\" in the [ignore] section; expected a rule kind (table, column, index, unique, fk, check or sequence), or a [hints] line before the hints"),
                Arguments.of("rule-in-hints-section", "2:1: rule \"table\" in the [hints] section; expected a hint (rename, no-rename, convert or backfill), or an [ignore] line before the rules"),
                Arguments.of("bad-arrow", "2:31: found \"=>\"; expected \"->\" between the old and the new name"),
                Arguments.of("rename-table-to-itself", "2:24: rename of table people to itself; expected a different new name"),
                Arguments.of("qualified-new-name", "2:40: \".\" after the new name; expected the new column name alone (the column stays in table person)"),
                Arguments.of("wildcard-in-hint", "2:20: wildcard \"*\" in a hint; expected an exact name: a hint names one object"),
                Arguments.of("conflicting-renames", "3:1: rename column person.fullname -> name, but line 2 renames person.fullname to display_name; expected one new name per column"),
                Arguments.of("rename-and-no-rename", "3:1: no-rename column person.fullname, contradicting rename column person.fullname -> display_name at line 2; expected either a rename or a no-rename for one object"),
                Arguments.of("convert-without-old", "2:23: up expression without {old}; expected {old} where the old column's value goes, e.g. \"CAST({old} AS INTEGER)\""),
                Arguments.of("convert-unknown-placeholder", "2:29: unknown placeholder {olde}; expected {old}, the only placeholder of up"),
                Arguments.of("convert-without-up", "2:20: found \"down\"; expected up \"<SQL expression using {old}>\""),
                Arguments.of("convert-unknown-direction", "2:48: found \"back\"; expected down \"<SQL expression using {new}>\", reason \"<a note for the reviewer>\" or end of line"),
                Arguments.of("backfill-without-using", "2:24: found \"\"'active'\"\"; expected using \"<SQL expression>\", e.g. using \"'active'\""),
                Arguments.of("backfill-placeholder", "2:31: placeholder {old} in a backfill; expected plain SQL: a backfill reads the other columns of the row by their names"),
                Arguments.of("policy-unknown-kind", "2:1: unknown policy kind \"indexes\"; expected a policy kind: index, unique, check, fk, not-null, default, type, tool-tables, table, comment"),
                Arguments.of("policy-unknown-decision", "2:7: unknown decision \"drop\"; expected keep or follow-entities"),
                Arguments.of("policy-missing-reason", "2:25: found end of line; expected a space and reason \"<why>\""),
                Arguments.of("policy-twice", "3:1: a second policy for index; expected one policy per kind (the first is at policy-twice.ignore:2:1)"),
                Arguments.of("policy-empty-reason", "2:30: an empty reason; expected a reason saying why the team decides so"),
                Arguments.of("convert-down-uses-old", "2:59: {old} in the down expression; expected {new}: down computes the old column from the new one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithItsMessage(String name, String message) throws IOException {
        String file = name + ".ignore";
        String text = resource("malformed/" + file);
        RulesException e = assertThrows(RulesException.class, () -> IgnoreRules.parse(text, file));
        assertEquals(file + ":" + message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        String[] place = message.split(":", 3);
        assertEquals(Integer.parseInt(place[0]), e.line());
        assertEquals(Integer.parseInt(place[1]), e.column());
        assertEquals(file, e.source());
    }

    /** A new file in the folder without a row in the table above would be an untested case. */
    @Test
    void everyMalformedFileHasAnExpectedMessage() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("malformed")).toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString().replaceFirst("\\.ignore$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, tested);
        assertFalse(files.size() < 15, "at least 15 malformed files, found " + files.size());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MalformedRulesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
