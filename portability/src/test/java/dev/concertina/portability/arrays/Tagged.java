package dev.concertina.portability.arrays;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;

/** Hibernate 7's basic array mappings: an array and a list of strings in one column. */
@Entity
public class Tagged {
    @Id
    Long id;

    String[] labels;

    List<Integer> scores;
}
