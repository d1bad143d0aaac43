package dev.concertina.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class implementing {@link Migration} as one revision of the migration graph.
 *
 * <pre>{@code
 * @Revision(id = "3f2a9c", parent = "1b7e40", branch = Branch.EXPAND, message = "add person.display_name")
 * public final class AddDisplayName implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** The revision id, unique across both branches; any prefix that is unique can name it. */
    String id();

    /** The previous revision in the same branch; empty for the first revision (the root) of the branch. */
    String parent() default "";

    /** The branch this revision belongs to. */
    Branch branch();

    /** For a contract revision: the expand revision that must be applied before it. Empty: none. */
    String requires() default "";

    /** An optional release milestone ({@code "2026.1"}) an operator can name as a target. */
    String milestone() default "";

    /** One line saying what the revision does. */
    String message() default "";

    /**
     * Whether the migration may run inside a transaction. Set to false for statements that refuse
     * to run in one (PostgreSQL {@code CREATE INDEX CONCURRENTLY}); the runner then treats it as a
     * non-transactional migration (recorded as started first, repair needed after a failure).
     */
    boolean transactional() default true;
}
