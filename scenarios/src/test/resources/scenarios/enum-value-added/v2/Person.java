package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20)
    private Status status;
}
