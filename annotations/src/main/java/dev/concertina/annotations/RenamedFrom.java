package dev.concertina.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confirms a rename to autogenerate: the column of this field (or the table of this entity class)
 * was called {@link #value()} in the database before. Without it, a dropped and an added column
 * of compatible type are only a <em>possible</em> rename, and autogenerate stops to ask.
 *
 * <pre>{@code
 * @RenamedFrom("fullname")
 * @Column(name = "display_name")
 * private String displayName;
 * }</pre>
 *
 * <p>The value is the old database name, written as the database stores it or in any case when
 * the database folds unquoted names. Remove the annotation once the contract migration has run
 * everywhere; it is read only by autogenerate, never at run time. This module has no dependencies,
 * so applications can carry it for free.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface RenamedFrom {
    /** The previous name of the column (on a field or getter) or table (on an entity class). */
    String value();
}
