package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.HashSet;
import java.util.Set;

/**
 * A group of users of one domain. Its table keeps Keystone's name, {@code group}, a reserved word
 * everywhere: the quotes in {@code @Table} make Hibernate quote it in every statement
 * (double quotes on H2 and PostgreSQL, backticks on MariaDB), so the name is stored exactly as
 * written, in lower case, on all three.
 */
@Entity
@Table(
        name = "\"group\"",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_group_domain_name",
                        columnNames = {"domain_id", "name"}))
public class UserGroup {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id", nullable = false, foreignKey = @ForeignKey(name = "fk_group_domain"))
    private Domain domain;

    @Column(name = "name", length = 64, nullable = false)
    private String name;

    @Column(name = "description", length = 255)
    private String description;

    @ManyToMany
    @JoinTable(
            name = "user_group_membership",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"),
            foreignKey = @ForeignKey(name = "fk_membership_group"),
            inverseForeignKey = @ForeignKey(name = "fk_membership_user"))
    private Set<IdentityUser> members = new HashSet<>();

    protected UserGroup() {}

    public UserGroup(String id, Domain domain, String name) {
        this.id = id;
        this.domain = domain;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Set<IdentityUser> getMembers() {
        return members;
    }
}
