package dev.concertina.entities.broken.badmappedby;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

/** {@code players} is mapped by a property the target does not have. */
@Entity
public class Team {
    @Id
    Long id;

    @OneToMany(mappedBy = "club")
    List<Player> players;
}
