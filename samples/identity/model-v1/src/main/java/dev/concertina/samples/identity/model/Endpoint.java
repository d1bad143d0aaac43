package dev.concertina.samples.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Where a service answers, per interface and region. */
@Entity
@Table(name = "endpoint")
public class Endpoint {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "service_id", nullable = false, foreignKey = @ForeignKey(name = "fk_endpoint_service"))
    private Service service;

    @Enumerated(EnumType.STRING)
    @Column(name = "interface", length = 8, nullable = false)
    private EndpointInterface endpointInterface;

    @Column(name = "url", length = 1024, nullable = false)
    private String url;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /** A region id, not yet a foreign key: the first release let endpoints name unknown regions. */
    @Column(name = "region_id", length = 64)
    private String regionId;

    protected Endpoint() {}

    public Endpoint(String id, Service service, EndpointInterface endpointInterface, String url) {
        this.id = id;
        this.service = service;
        this.endpointInterface = endpointInterface;
        this.url = url;
        this.enabled = true;
    }

    public String getId() {
        return id;
    }

    public Service getService() {
        return service;
    }

    public EndpointInterface getEndpointInterface() {
        return endpointInterface;
    }

    public String getUrl() {
        return url;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }
}
