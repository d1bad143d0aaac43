package dev.concertina.entities.internal;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot installs by default, for when Spring Boot's own class is not on
 * the entity class path: JPA's rules, except that a join table without {@code @JoinTable(name)}
 * is named after the owning table and the association's attribute ({@code person_roles}), not
 * after the two tables ({@code person_role}). Written from that documented behaviour; see
 * docs/entities.md, "Spring Boot".
 */
public final class SpringBootJoinTableNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    private static final long serialVersionUID = 1L;

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String attribute = source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(source.getOwningPhysicalTableName() + '_' + attribute, source.getBuildingContext());
    }
}
