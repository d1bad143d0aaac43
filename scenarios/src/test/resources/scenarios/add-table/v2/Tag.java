package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "tag")
public class Tag {
    @Id
    private Long id;

    @Column(name = "label", length = 30, nullable = false)
    private String label;
}
