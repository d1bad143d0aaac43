package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service of the catalog (compute, image, object-store, …). */
@Entity
@Table(name = "service")
public class Service {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "type", length = 255, nullable = false)
    private String type;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    protected Service() {}

    public Service(String id, String type) {
        this.id = id;
        this.type = type;
        this.enabled = true;
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
