package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person", uniqueConstraints = @UniqueConstraint(name = "uk_person_email", columnNames = "email"))
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Column(name = "email", length = 80)
    private String email;
}
