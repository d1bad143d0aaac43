package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A namespace for projects, users, groups and domain-specific roles. */
@Entity
@Table(
        name = "domain",
        uniqueConstraints = @UniqueConstraint(name = "uq_domain_name", columnNames = "name"),
        comment = "Namespaces for users, groups and projects")
public class Domain {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", length = 64, nullable = false)
    private String name;

    @Column(name = "description", length = 255)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    protected Domain() {}

    public Domain(String id, String name) {
        this.id = id;
        this.name = name;
        this.enabled = true;
    }

    public String getId() {
        return id;
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

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
