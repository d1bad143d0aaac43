package dev.concertina.samples.notes;

import dev.concertina.samples.notes.model.Note;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class NoteController {

    private final NoteRepository notes;

    public NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    @GetMapping("/notes")
    public List<String> titles() {
        return notes.findAll().stream().map(Note::getTitle).toList();
    }
}
