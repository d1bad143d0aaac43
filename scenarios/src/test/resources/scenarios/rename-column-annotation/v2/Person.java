package scn;

import jakarta.persistence.*;
import dev.concertina.annotations.RenamedFrom;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @RenamedFrom("fullname")
    @Column(name = "display_name", length = 100)
    private String displayName;
}
