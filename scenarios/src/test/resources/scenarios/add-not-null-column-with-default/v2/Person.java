package scn;

import jakarta.persistence.*;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "person")
public class Person {
    @Id
    private Long id;

    @Column(name = "fullname", length = 100)
    private String fullname;
    @Column(name = "status", length = 20, nullable = false)
    @ColumnDefault("'active'")
    private String status;
}
