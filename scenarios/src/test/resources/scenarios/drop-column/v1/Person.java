package scn;

import jakarta.persistence.*;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Column(name = "nickname", length = 40)
    private String nickname;
}
