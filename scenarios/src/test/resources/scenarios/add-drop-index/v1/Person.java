package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person", indexes = @Index(name = "ix_person_fullname", columnList = "fullname"))
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Column(name = "email", length = 80)
    private String email;
}
