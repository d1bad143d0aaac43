package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A region of the service catalog; regions nest (a data centre inside a country, …). */
@Entity
@Table(name = "region")
public class Region {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "description", length = 255)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_region_id", foreignKey = @ForeignKey(name = "fk_region_parent"))
    private Region parent;

    protected Region() {}

    public Region(String id, Region parent) {
        this.id = id;
        this.parent = parent;
    }

    public String getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Region getParent() {
        return parent;
    }
}
