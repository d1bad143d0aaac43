package dev.concertina.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.model.Schema;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.SchemaNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How codegen writes a name into a generated class: the codegen side of {@link SchemaNames}.
 *
 * <p>The model holds names in the case of the database they were read from ({@link #source}). A
 * name the entities quote ({@link #quoted}, from the plan) is an <em>exact</em> name:
 * {@code n.exact("group")}, quoted exactly as written everywhere, as Hibernate writes it. Of the
 * others, a name that the source database would store exactly so when written unquoted in lower
 * case is a <em>folding</em> name: it is written in lower case, {@code n.name("person")}, and folded
 * when the migration runs for whichever database runs it. Any other name (mixed case, or in the
 * "wrong" case for the source) is exact too. Either way the name is quoted, so reserved words are
 * safe.
 *
 * <p>Without {@link #quoted}, a quoted lower-case name read from PostgreSQL ({@code "group"}) would
 * look like a folding one and become {@code GROUP} on H2, where Hibernate creates {@code group}.
 * The set holds strings, not table/column pairs: a string quoted in one place and unquoted in
 * another is refused by the entity reader.
 *
 * <p>A name the entities write unquoted ({@link #spellings}, from the plan) is a folding name in
 * any case, written as the entities spell it ({@code n.name("ADMIN_EVENT")}, {@code n.name("firstName")}):
 * folded when the migration runs, it becomes what Hibernate's DDL makes of it on that database
 * (upper case on H2, lower case on PostgreSQL, as written on MariaDB), whichever database the
 * model was read in.
 *
 * @param source    the dialect the model's names were read in
 * @param names     the variable of type {@link SchemaNames} in the generated method
 * @param quoted    the names (as read in {@code source}) the entities quote
 * @param spellings the names (as read in {@code source}) the entities write unquoted, with their spelling
 */
public record NamePolicy(Dialect source, String names, Set<String> quoted, Map<String, String> spellings) {

    public NamePolicy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(names, "names");
        quoted = Set.copyOf(quoted);
        spellings = Map.copyOf(spellings);
    }

    public NamePolicy(Dialect source, String names, Set<String> quoted) {
        this(source, names, quoted, Map.of());
    }

    /** The policy for unquoted names read in {@code source}, with the generated variable called {@code n}. */
    public static NamePolicy of(Dialect source) {
        return of(source, Set.of());
    }

    /** The policy for names read in {@code source}, of which {@code quoted} are quoted in the entities. */
    public static NamePolicy of(Dialect source, Set<String> quoted) {
        return new NamePolicy(source, "n", quoted);
    }

    /** The policy for names read in {@code source}: {@code quoted} exact, {@code spellings} folded as spelled. */
    public static NamePolicy of(Dialect source, Set<String> quoted, Map<String, String> spellings) {
        return new NamePolicy(source, "n", quoted, spellings);
    }

    /** True when {@code name} (as the source database stores it) is a folding name. */
    public static boolean isFolding(Dialect source, String name) {
        return SchemaNames.isFolding(source, name);
    }

    /** True when {@code name} is folded at run time: not quoted in the entities, and folding in {@link #source}. */
    public boolean isFolding(String name) {
        return !quoted.contains(name) && (spellings.containsKey(name) || isFolding(source, name));
    }

    /**
     * The name as written in generated code: the entities' spelling of an unquoted name, lower
     * case for another folding name, as read otherwise.
     */
    public String logical(String name) {
        if (!isFolding(name)) {
            return name;
        }
        return spellings.getOrDefault(name, name.toLowerCase(Locale.ROOT));
    }

    /** An expression of type {@code org.jooq.Name}: {@code n.name("person")} or {@code n.exact("Group")}. */
    public CodeBlock name(String name) {
        return isFolding(name)
                ? CodeBlock.of("$L.name($S)", names, logical(name))
                : CodeBlock.of("$L.exact($S)", names, name);
    }

    /**
     * A column of {@code table} where it is created: its own table's spelling when the entities
     * spell the name differently in another table ({@code ID} here, {@code id} there), which
     * matters where the database keeps names as written (MariaDB); {@link #name} otherwise.
     */
    public CodeBlock column(String table, String column) {
        String spelled = spellings.get(Schema.columnKey(table, column));
        return spelled != null && !quoted.contains(column) ? CodeBlock.of("$L.name($S)", names, spelled) : name(column);
    }

    /** Names joined with commas (a wrapping space after each), for varargs. */
    public CodeBlock names(List<String> list) {
        return list.stream().map(this::name).collect(CodeBlock.joining(",$W"));
    }

    /**
     * A description from the plan (a step, a change, a hazard) spelled as the generated code
     * spells names: each double-quoted name as {@link #logical} writes it ({@code "IDENTITY_USER"}
     * read from H2 becomes {@code "identity_user"}), and a list the plan wrote in Java's syntax
     * ({@code [REGION_ID]}) as a parenthesized list of quoted names ({@code ("region_id")}).
     */
    public String spell(String description) {
        Matcher list = JAVA_LIST.matcher(description);
        StringBuilder s = new StringBuilder();
        while (list.find()) {
            String names = Arrays.stream(list.group(1).split(", "))
                    .map(n -> "\"" + n + "\"")
                    .collect(Collectors.joining(", "));
            list.appendReplacement(s, Matcher.quoteReplacement("(" + names + ")"));
        }
        list.appendTail(s);
        return spellNames(s.toString());
    }

    /** {@link #spell} of the double-quoted names alone: the text keeps its length. */
    public String spellNames(String text) {
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, Matcher.quoteReplacement("\"" + logical(quoted.group(1)) + "\""));
        }
        return quoted.appendTail(out).toString();
    }

    /** {@code [A, B]}: the text of a list of names (no quotes, brackets or parentheses inside). */
    private static final Pattern JAVA_LIST =
            Pattern.compile("\\[([A-Za-z_$][^\\[\\]\"'(),]*(?:, [A-Za-z_$][^\\[\\]\"'(),]*)*)\\]");

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /**
     * The name as the running database {@code target} stores it (for tests and for rendering SQL
     * without running anything).
     */
    public String on(Dialect target, String name) {
        return isFolding(name) ? target.foldUnquoted(logical(name)) : name;
    }
}
