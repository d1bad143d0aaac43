package dev.concertina.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as Concertina shows and uses them: passwords masked wherever a URL is printed, and
 * {@code jdbc:mysql:} URLs accepted by the MariaDB driver Concertina ships.
 */
public final class JdbcUrls {

    /** {@code //user:secret@host}: the part between the colon and the {@code @} of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("(jdbc:[A-Za-z0-9]+:(?:[A-Za-z0-9]+:)*//[^/@:\\s?;]*):[^/@\\s]*@");
    /** {@code ?password=…}, {@code &password=…}, {@code ;password=…} (H2), also {@code sslpassword=…} and the like. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password\\s*=)([^&;\\s]*?)(?=$|[&;\\s]|:(?:\\s|$))");

    /** The password of {@code //user:secret@host}. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/@:\\s?;]*:([^/@\\s]*)@");

    private static final String MASK = "***";

    private JdbcUrls() {}

    /** {@code url} with every password in it replaced by {@code ***}. */
    public static String masked(String url) {
        return maskedIn(url);
    }

    /** {@code text} (a message, a configuration dump) with the password of every JDBC URL in it masked. */
    public static String maskedIn(String text) {
        if (text == null) {
            return null;
        }
        String s = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAM.matcher(s).replaceAll("$1" + MASK);
    }

    /**
     * {@code text} with every password of {@code url} (in its authority or its parameters) and
     * {@code password} itself replaced by {@code ***}, wherever they appear: a driver's message may
     * quote a piece of the URL ("Incorrect port value : secret@host"), not the whole.
     */
    public static String scrubbed(String text, String url, String password) {
        String s = maskedIn(text);
        List<String> secrets = new ArrayList<>();
        Matcher info = USER_INFO_PASSWORD.matcher(url);
        if (info.find()) {
            secrets.add(info.group(1));
        }
        Matcher param = PASSWORD_PARAM.matcher(url);
        while (param.find()) {
            secrets.add(param.group(2));
        }
        secrets.add(password);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                s = s.replace(secret, MASK);
            }
        }
        return s;
    }

    /**
     * The URL to give the driver: {@code jdbc:mysql:} URLs get MariaDB's {@code permitMysqlScheme}
     * (without it the MariaDB driver refuses them: "No suitable driver"); others are unchanged.
     */
    public static String forDriver(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:mysql:") || lower.contains("permitmysqlscheme")) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "permitMysqlScheme";
    }
}
