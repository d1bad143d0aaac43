package dev.concertina.entities.internal;

import dev.concertina.engine.model.ReferentialAction;
import org.hibernate.annotations.OnDeleteAction;

/** Hibernate's codes (JDBC type codes, {@code @OnDelete} actions) in the model's terms. */
final class HibernateCodes {

    private HibernateCodes() {}

    /** True for a JDBC type code that holds characters (what a large object holds: text, not bytes). */
    static boolean isCharacter(int sqlType) {
        switch (sqlType) {
            case java.sql.Types.CLOB:
            case java.sql.Types.NCLOB:
            case java.sql.Types.LONGVARCHAR:
            case java.sql.Types.LONGNVARCHAR:
            case java.sql.Types.VARCHAR:
            case java.sql.Types.NVARCHAR:
            case java.sql.Types.CHAR:
            case java.sql.Types.NCHAR:
            case org.hibernate.type.SqlTypes.MATERIALIZED_CLOB:
            case org.hibernate.type.SqlTypes.MATERIALIZED_NCLOB:
            case org.hibernate.type.SqlTypes.LONG32VARCHAR:
            case org.hibernate.type.SqlTypes.LONG32NVARCHAR:
                return true;
            default:
                return false;
        }
    }

    static ReferentialAction onDelete(OnDeleteAction a) {
        if (a == null) {
            return ReferentialAction.NO_ACTION;
        }
        switch (a) {
            case CASCADE:
                return ReferentialAction.CASCADE;
            case SET_NULL:
                return ReferentialAction.SET_NULL;
            case SET_DEFAULT:
                return ReferentialAction.SET_DEFAULT;
            case RESTRICT:
                return ReferentialAction.RESTRICT;
            default:
                return ReferentialAction.NO_ACTION;
        }
    }
}
