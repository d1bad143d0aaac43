package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "display_name", length = 100, nullable = false)
    private String displayName;
}
