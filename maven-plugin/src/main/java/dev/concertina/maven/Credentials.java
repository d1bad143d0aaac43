package dev.concertina.maven;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The database user and password. The password is never a POM setting: it comes from
 * {@code CONCERTINA_PASSWORD}, else from the settings.xml {@code <server>} (decrypted when Maven's
 * password encryption is used), else it is empty.
 */
record Credentials(String user, String password) {

    static final String DEFAULT_SERVER_ID = "concertina";

    static Credentials of(
            Settings settings,
            SettingsDecrypter decrypter,
            String serverId,
            Optional<String> user,
            String environmentPassword) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server != null && decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new ConcertinaException(
                            ErrorCode.CONFIGURATION,
                            "settings.xml server '" + serverId + "': cannot decrypt its password: " + p.getMessage());
                }
            }
            server = result.getServer();
        }
        String name = user.orElse(server == null || server.getUsername() == null ? "" : server.getUsername());
        String password = environmentPassword != null
                ? environmentPassword
                : server == null || server.getPassword() == null ? "" : server.getPassword();
        return new Credentials(name, password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
