package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "team")
public class Team {
    @Id
    private Long id;

    @Column(name = "title", length = 60)
    private String title;
}
