/**
 * Per-dialect normalisation shared by both readers: type names to
 * {@link dev.concertina.engine.model.ColumnType}, default expressions and check expressions to the
 * canonical text of {@link dev.concertina.engine.model}.
 *
 * <p>Entry point: {@link dev.concertina.engine.normalize.Normalizer#forDialect}; then
 * {@code type(String)}, {@code type(String, OptionalInt, OptionalInt, OptionalInt)},
 * {@code defaultValue(String, ColumnType)} and {@code check(String)}. Each equivalence is documented
 * where it is implemented (the shared rules in {@code Normalizer}, each dialect's own in its class)
 * and has a focused test.
 */
package dev.concertina.engine.normalize;
