package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;

/** A project (tenant) in a domain; projects nest through their parent. */
@Entity
@Table(
        name = "project",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_project_domain_name",
                        columnNames = {"domain_id", "name"}))
public class Project {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", length = 64, nullable = false)
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id", nullable = false, foreignKey = @ForeignKey(name = "fk_project_domain"))
    private Domain domain;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_project_parent"))
    private Project parent;

    @Column(name = "description", length = 255)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /**
     * True when the project acts as a domain (v2). NOT NULL with a default, so rows written by v1
     * code, which does not know the column, still get a value.
     */
    @Column(name = "is_domain", nullable = false)
    @ColumnDefault("false")
    private boolean domainProject;

    /** Free-form JSON the first release kept for attributes it had no column for. */
    @Column(name = "extra", length = 2000)
    private String extra;

    protected Project() {}

    public Project(String id, String name, Domain domain, Project parent) {
        this.id = id;
        this.name = name;
        this.domain = domain;
        this.parent = parent;
        this.enabled = true;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Domain getDomain() {
        return domain;
    }

    public Project getParent() {
        return parent;
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

    public boolean isDomainProject() {
        return domainProject;
    }

    public void setDomainProject(boolean domainProject) {
        this.domainProject = domainProject;
    }

    public String getExtra() {
        return extra;
    }

    public void setExtra(String extra) {
        this.extra = extra;
    }
}
