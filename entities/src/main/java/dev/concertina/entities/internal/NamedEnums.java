package dev.concertina.entities.internal;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.runtime.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.type.SqlTypes;

/**
 * {@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: Hibernate's named enum type.
 * On PostgreSQL it is {@code create type <Enum> as enum (…)}, held as ENUM with the modifier
 * {@code enum type <name>} (as the live reader holds such a column); on H2, where Hibernate makes
 * it a domain over a varchar with a check of the values, it is ENUM with the values alone (what
 * generated migrations build there: H2's native enum).
 */
final class NamedEnums {

    /** The modifier naming a PostgreSQL enum type (the live reader's, {@code LiveColumns}). */
    static final String MODIFIER = "enum type ";

    private NamedEnums() {}

    /** The column's type when it maps a named enum, or empty. {@code typeName} is Hibernate's (the enum's simple name). */
    static Optional<ColumnType> of(Column c, String typeName, Dialect dialect) {
        if (!(c.getValue() instanceof BasicValue value) || value.getResolution() == null) {
            return Optional.empty();
        }
        BasicValue.Resolution<?> r = value.getResolution();
        Class<?> java = r.getDomainJavaType().getJavaTypeClass();
        if (r.getJdbcType().getDefaultSqlTypeCode() != SqlTypes.NAMED_ENUM || !java.isEnum()) {
            return Optional.empty();
        }
        // Hibernate lists the labels sorted by name (create type … as enum ('ANGRY','CALM')).
        List<String> labels = Arrays.stream(java.getEnumConstants())
                .map(e -> ((Enum<?>) e).name())
                .sorted()
                .toList();
        ColumnType type = ColumnType.enumeration(labels, typeName);
        return Optional.of(
                dialect == Dialect.POSTGRES ? type.withModifier(MODIFIER + dialect.foldUnquoted(typeName)) : type);
    }
}
