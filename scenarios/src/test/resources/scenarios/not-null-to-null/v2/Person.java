package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Column(name = "email", length = 80, nullable = true)
    private String email;
}
