package scn;

import jakarta.persistence.*;
import dev.concertina.annotations.RenamedFrom;

@Entity
@RenamedFrom("people")
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
}
