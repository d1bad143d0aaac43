package dev.concertina.entities.internal;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import java.util.Optional;
import java.util.OptionalInt;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.Column;
import org.hibernate.type.SqlTypes;

/**
 * What an entity column asks for when the target database's type cannot show it, so that a
 * migration generated from a model read for one database builds Hibernate's type on every other
 * ({@link ColumnType#mapped()}): Hibernate picks a JDBC type code per attribute and each dialect
 * spells that code its own way, some losing it (PostgreSQL has no {@code tinyint}, its
 * {@code bytea} no length; MariaDB has no zoned timestamp; JSON is {@code jsonb} on PostgreSQL
 * alone). Only those cases are kept; everything else reads back the same kind on every database.
 * See docs/entities.md, "One class, every database".
 */
final class PortableMapping {

    private PortableMapping() {}

    static Optional<ColumnType> of(Column c, ColumnType read, Dialect dialect, Metadata metadata) {
        int code = c.getSqlTypeCode(metadata);
        switch (code) {
            case SqlTypes.TINYINT:
                return read.kind() == TypeKind.TINYINT
                        ? Optional.empty()
                        : Optional.of(ColumnType.of(TypeKind.TINYINT, "tinyint"));
            case SqlTypes.VARBINARY:
            case SqlTypes.BINARY: {
                if (read.kind() == TypeKind.VARBINARY || read.kind() == TypeKind.BINARY) {
                    return Optional.empty();
                }
                Size size = c.getColumnSize(dialect, metadata);
                if (size.getLength() == null || size.getLength() > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                TypeKind kind = code == SqlTypes.BINARY ? TypeKind.BINARY : TypeKind.VARBINARY;
                return Optional.of(ColumnType.sized(
                        kind, size.getLength().intValue(), kind.name().toLowerCase()));
            }
            case SqlTypes.TIMESTAMP_UTC:
            case SqlTypes.TIMESTAMP_WITH_TIMEZONE: {
                if (read.kind() == TypeKind.TIMESTAMP_WITH_TIME_ZONE) {
                    return Optional.empty();
                }
                Size size = c.getColumnSize(dialect, metadata);
                int precision = size.getPrecision() != null
                        ? size.getPrecision()
                        : read.precision().orElse(6);
                return Optional.of(new ColumnType(
                        TypeKind.TIMESTAMP_WITH_TIME_ZONE,
                        OptionalInt.empty(),
                        OptionalInt.of(precision),
                        OptionalInt.empty(),
                        java.util.List.of(),
                        "timestamp with time zone"));
            }
            case SqlTypes.JSON:
                // Hibernate's JSON is jsonb on PostgreSQL and json elsewhere (MariaDB's a checked
                // longtext); jOOQ's JSONB is written the same way, so each database gets its own.
                return read.kind() == TypeKind.JSON
                        ? Optional.of(ColumnType.of(TypeKind.JSONB, "jsonb"))
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
