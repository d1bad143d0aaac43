package dev.concertina.samples.notes.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note. Names are explicit, so Spring Boot's naming strategy and plain Hibernate's agree. */
@Entity
@Table(name = "note")
public class Note {

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @Column(name = "body", length = 2000)
    private String body;

    protected Note() {}

    public Note(long id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public String getBody() { return body; }
}
