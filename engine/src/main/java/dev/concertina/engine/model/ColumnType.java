package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A column's type: the neutral kind, its size facets, and the dialect's own name.
 *
 * @param kind       neutral category
 * @param length     for CHAR / VARCHAR / BINARY / VARBINARY: the declared length; for ENUM: the
 *                   length of the VARCHAR that stores it where the database has no native enum
 *                   (PostgreSQL), not compared; empty otherwise
 * @param precision  for DECIMAL: total digits; for TIME / TIMESTAMP (with or without zone):
 *                   fractional-second digits; empty when not declared or not meaningful
 * @param scale      for DECIMAL: digits after the point; empty otherwise
 * @param enumValues for ENUM: the values in declared order; empty otherwise
 * @param raw        the dialect's type name as read ({@code int4}, {@code character varying(255)});
 *                   for messages and for UNSUPPORTED — not compared by the differ except for UNSUPPORTED
 * @param content    for LARGE_OBJECT: what the object holds ({@link TypeKind#CLOB} or
 *                   {@link TypeKind#BLOB}) when the entity mapping says so; not compared (the
 *                   database cannot tell), used by codegen to pick the type of databases without
 *                   large-object references; for ARRAY: the element's kind (compared); empty otherwise
 * @param mapped     what the entity mapping asks for, in neutral terms, where this database's own
 *                   type cannot show it: an ordinal enum's or {@code byte}'s TINYINT read as
 *                   PostgreSQL's {@code smallint}, a {@code byte[]}'s VARBINARY(255) as {@code bytea},
 *                   a zoned timestamp as MariaDB's {@code datetime}. Set by the entity reader; not
 *                   compared; codegen writes it so each database gets what Hibernate gives it there
 * @param modifiers  what makes the type a variant of its kind, lower case, sorted: {@link #UNSIGNED}
 *                   and {@code zerofill} (MariaDB/MySQL), {@link #IGNORECASE} (H2's
 *                   {@code VARCHAR_IGNORECASE}), {@code domain <name>} (a PostgreSQL domain over
 *                   this type). Compared; the differ keeps those the desired side does not state
 *                   (docs/inspect-json.md, "Types")
 */
public record ColumnType(
        TypeKind kind,
        OptionalInt length,
        OptionalInt precision,
        OptionalInt scale,
        List<String> enumValues,
        String raw,
        Optional<TypeKind> content,
        Optional<ColumnType> mapped,
        List<String> modifiers) {

    /** MariaDB/MySQL {@code unsigned}. */
    public static final String UNSIGNED = "unsigned";
    /** H2's {@code VARCHAR_IGNORECASE}: a VARCHAR compared without regard to case. */
    public static final String IGNORECASE = "ignorecase";

    public ColumnType(
            TypeKind kind,
            OptionalInt length,
            OptionalInt precision,
            OptionalInt scale,
            List<String> enumValues,
            String raw,
            Optional<TypeKind> content,
            Optional<ColumnType> mapped) {
        this(kind, length, precision, scale, enumValues, raw, content, mapped, List.of());
    }

    public ColumnType(
            TypeKind kind,
            OptionalInt length,
            OptionalInt precision,
            OptionalInt scale,
            List<String> enumValues,
            String raw,
            Optional<TypeKind> content,
            List<String> modifiers) {
        this(kind, length, precision, scale, enumValues, raw, content, Optional.empty(), modifiers);
    }

    public ColumnType(
            TypeKind kind,
            OptionalInt length,
            OptionalInt precision,
            OptionalInt scale,
            List<String> enumValues,
            String raw) {
        this(kind, length, precision, scale, enumValues, raw, Optional.empty());
    }

    public ColumnType(
            TypeKind kind,
            OptionalInt length,
            OptionalInt precision,
            OptionalInt scale,
            List<String> enumValues,
            String raw,
            Optional<TypeKind> content) {
        this(kind, length, precision, scale, enumValues, raw, content, List.of());
    }

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(scale, "scale");
        enumValues = List.copyOf(enumValues);
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mapped, "mapped");
        modifiers = modifiers.stream().distinct().sorted().toList();
    }

    public static ColumnType of(TypeKind kind, String raw) {
        return new ColumnType(kind, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), List.of(), raw);
    }

    public static ColumnType sized(TypeKind kind, int length, String raw) {
        return new ColumnType(kind, OptionalInt.of(length), OptionalInt.empty(), OptionalInt.empty(), List.of(), raw);
    }

    public static ColumnType decimal(int precision, int scale, String raw) {
        return new ColumnType(
                TypeKind.DECIMAL,
                OptionalInt.empty(),
                OptionalInt.of(precision),
                OptionalInt.of(scale),
                List.of(),
                raw);
    }

    public static ColumnType temporal(TypeKind kind, int fractionalDigits, String raw) {
        return new ColumnType(
                kind, OptionalInt.empty(), OptionalInt.of(fractionalDigits), OptionalInt.empty(), List.of(), raw);
    }

    public static ColumnType enumeration(List<String> values, String raw) {
        return new ColumnType(
                TypeKind.ENUM, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), values, raw);
    }

    /** An enumeration stored as a VARCHAR of {@code length} with a check on its values (PostgreSQL). */
    public static ColumnType enumeration(List<String> values, OptionalInt length, String raw) {
        return new ColumnType(TypeKind.ENUM, length, OptionalInt.empty(), OptionalInt.empty(), values, raw);
    }

    /** A large-object reference (PostgreSQL {@code oid}) holding {@code content} (CLOB or BLOB) when known. */
    public static ColumnType largeObject(Optional<TypeKind> content, String raw) {
        return new ColumnType(
                TypeKind.LARGE_OBJECT,
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                List.of(),
                raw,
                content);
    }

    /** This type with what its large object holds. */
    public ColumnType withContent(TypeKind c) {
        return new ColumnType(kind, length, precision, scale, enumValues, raw, Optional.of(c), mapped, modifiers);
    }

    /** This type with {@code m} among its modifiers. */
    public ColumnType withModifier(String m) {
        List<String> all = new java.util.ArrayList<>(modifiers);
        all.add(m);
        return new ColumnType(kind, length, precision, scale, enumValues, raw, content, mapped, all);
    }

    /** This type with exactly {@code ms} as modifiers. */
    public ColumnType withModifiers(List<String> ms) {
        return new ColumnType(kind, length, precision, scale, enumValues, raw, content, mapped, ms);
    }

    /** This type with {@code r} as the database's own name. */
    public ColumnType withRaw(String r) {
        return new ColumnType(kind, length, precision, scale, enumValues, r, content, mapped, modifiers);
    }

    /** An array (PostgreSQL) whose elements are of type {@code element}; {@code raw} is the array's name. */
    public static ColumnType array(ColumnType element, String raw) {
        return new ColumnType(
                TypeKind.ARRAY,
                element.length,
                element.precision,
                element.scale,
                element.enumValues,
                raw,
                Optional.of(element.kind),
                Optional.empty(),
                element.modifiers);
    }

    public boolean unsigned() {
        return modifiers.contains(UNSIGNED);
    }

    /** This type with what the entity mapping asks for where this database's type cannot show it. */
    public ColumnType withMapped(ColumnType m) {
        return new ColumnType(kind, length, precision, scale, enumValues, raw, content, Optional.of(m), modifiers);
    }

    public static ColumnType unsupported(String raw) {
        return of(TypeKind.UNSUPPORTED, raw);
    }

    /**
     * Same type for the differ: every facet and modifier but the raw name (the raw name too for
     * UNSUPPORTED), an ENUM's storage length and a large object's content (an array's element kind is compared).
     */
    public boolean sameAs(ColumnType other) {
        return kind == other.kind
                && (kind == TypeKind.ENUM || length.equals(other.length))
                && precision.equals(other.precision)
                && scale.equals(other.scale)
                && enumValues.equals(other.enumValues)
                && modifiers.equals(other.modifiers)
                && (kind != TypeKind.ARRAY || content.equals(other.content))
                && (kind != TypeKind.UNSUPPORTED || raw.equalsIgnoreCase(other.raw));
    }

    /**
     * Short neutral text: {@code VARCHAR(255)}, {@code DECIMAL(10,2)}, {@code TIMESTAMP(6)},
     * {@code ENUM('A','B')}, {@code INTEGER UNSIGNED}, {@code VARCHAR(30)[]}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(
                kind == TypeKind.UNSUPPORTED
                        ? raw
                        : kind == TypeKind.ARRAY ? content.map(TypeKind::name).orElse("?") : kind.name());
        if (kind == TypeKind.ENUM) {
            s.append('(');
            for (int i = 0; i < enumValues.size(); i++) {
                s.append(i == 0 ? "" : ",")
                        .append('\'')
                        .append(enumValues.get(i).replace("'", "''"))
                        .append('\'');
            }
            s.append(')');
        } else if (length.isPresent()) {
            s.append('(').append(length.getAsInt()).append(')');
        } else if (precision.isPresent() && scale.isPresent()) {
            s.append('(')
                    .append(precision.getAsInt())
                    .append(',')
                    .append(scale.getAsInt())
                    .append(')');
        } else if (precision.isPresent()) {
            s.append('(').append(precision.getAsInt()).append(')');
        } else if (!enumValues.isEmpty()) {
            s.append('(');
            for (int i = 0; i < enumValues.size(); i++) {
                s.append(i == 0 ? "" : ",")
                        .append('\'')
                        .append(enumValues.get(i).replace("'", "''"))
                        .append('\'');
            }
            s.append(')');
        }
        if (kind == TypeKind.ARRAY) s.append("[]");
        for (String m : modifiers) s.append(' ').append(m.toUpperCase(java.util.Locale.ROOT));
        return s.toString();
    }

    /**
     * The database's words with the neutral kind beside them where they differ:
     * {@code int8 (BIGINT)}, {@code text (CLOB)}, {@code int unsigned (INTEGER UNSIGNED)}, {@code jsonb};
     * the neutral text alone when no database name is known.
     */
    public String display() {
        String database = databaseText();
        String neutral = describe();
        boolean same = database.replaceAll("\\s+", "").equalsIgnoreCase(neutral.replaceAll("\\s+", ""));
        return same ? database : database + " (" + neutral + ")";
    }

    /**
     * The type as the database spells it ({@code text}, {@code bytea}, {@code jsonb},
     * {@code int unsigned}): {@link #raw()} in its usual short, lower-case spelling, so that what
     * the catalog prints and what a dialect writes read alike ({@code character varying(50)} and
     * H2's {@code CHARACTER VARYING(50)} as {@code varchar(50)}, {@code timestamp(6) without time
     * zone} as {@code timestamp(6)}, MariaDB's {@code int(11)} as {@code int}); the neutral text when
     * no database name is known (a model built by hand).
     */
    public String databaseText() {
        return raw.isBlank() ? describe() : shortWords(raw);
    }

    private static final java.util.regex.Pattern DISPLAY_WIDTH =
            java.util.regex.Pattern.compile("\\b(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)");

    private static String shortWords(String raw) {
        // Lower case outside quoted values (an enum's values keep their spelling).
        StringBuilder lower = new StringBuilder();
        boolean quoted = false;
        for (char c : raw.trim().toCharArray()) {
            if (c == '\'') quoted = !quoted;
            lower.append(quoted ? c : Character.toLowerCase(c));
        }
        String s = lower.toString()
                .replace("character varying", "varchar")
                .replace("binary varying", "varbinary")
                .replace("character large object", "clob")
                .replace("binary large object", "blob")
                .replace(" without time zone", "")
                .replaceAll("\\s+", " ");
        s = s.replaceAll("^character\\b", "char").replaceAll("^enum \\(", "enum(");
        // MariaDB's integer display width is noise, except where zerofill pads to it.
        return s.contains("zerofill") ? s : DISPLAY_WIDTH.matcher(s).replaceAll("$1");
    }

    @Override
    public String toString() {
        return describe();
    }
}
