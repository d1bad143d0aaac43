package dev.concertina.samples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.samples.notes.model.Note;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample as it runs: an empty in-memory H2 database expanded at startup (before Hibernate
 * validates the schema), the repository working on it, the Actuator endpoint over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notes-test", "spring.main.banner-mode=off"})
class NotesApplicationTest {

    @Autowired
    NoteRepository notes;

    @Value("${local.server.port}")
    int port;

    @Test
    void theSchemaTheMigrationsBuildServesTheApplication() throws Exception {
        notes.save(new Note(1, "rolling upgrades", "expand first, contract later"));
        assertEquals("[\"rolling upgrades\"]", get("/notes"));
        String report = get("/actuator/concertina");
        assertTrue(report.contains("\"check\":\"up_to_date\""), report);
        assertTrue(report.matches(".*\"expand\":\\{\"applied\":\"[0-9a-f]{12}\".*\"atHead\":true.*"), report);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
