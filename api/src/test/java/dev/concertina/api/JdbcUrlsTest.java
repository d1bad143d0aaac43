package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every form a password takes in a JDBC URL is masked; URLs without one are left alone. */
class JdbcUrlsTest {

    @Test
    void userInfoPassword() {
        assertEquals("jdbc:mariadb://shop:***@db:3306/shop", JdbcUrls.masked("jdbc:mariadb://shop:s3cr%t@db:3306/shop"));
        assertEquals("jdbc:postgresql://shop:***@db/shop?ssl=true", JdbcUrls.masked("jdbc:postgresql://shop:pw@db/shop?ssl=true"));
    }

    @Test
    void queryPassword() {
        assertEquals("jdbc:postgresql://db/shop?password=***", JdbcUrls.masked("jdbc:postgresql://db/shop?password=PW"));
        assertEquals("jdbc:postgresql://db/shop?user=a&password=***&ssl=true",
                JdbcUrls.masked("jdbc:postgresql://db/shop?user=a&password=PW&ssl=true"));
        assertEquals("jdbc:mariadb://db/shop?user=a&PASSWORD=***", JdbcUrls.masked("jdbc:mariadb://db/shop?user=a&PASSWORD=PW"));
    }

    @Test
    void semicolonPassword() {
        assertEquals("jdbc:h2:./target/demo;USER=sa;PASSWORD=***;MODE=PostgreSQL",
                JdbcUrls.masked("jdbc:h2:./target/demo;USER=sa;PASSWORD=PW;MODE=PostgreSQL"));
    }

    @Test
    void otherPasswordOptionsToo() {
        assertEquals("jdbc:postgresql://db/shop?sslpassword=***", JdbcUrls.masked("jdbc:postgresql://db/shop?sslpassword=key"));
        assertEquals("to jdbc:h2:mem:x;PASSWORD=***: refused", JdbcUrls.maskedIn("to jdbc:h2:mem:x;PASSWORD=pw: refused"));
        assertEquals("port value : ***@h", JdbcUrls.scrubbed("port value : s3:cr@h", "jdbc:mariadb://u:s3:cr@h/db", ""));
    }

    @Test
    void urlsWithoutAPasswordAreUnchanged() {
        for (String url : new String[] {"jdbc:mariadb://db:3306/shop", "jdbc:postgresql://db/shop?user=x",
                "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:mariadb://user@db/shop"}) {
            assertEquals(url, JdbcUrls.masked(url));
        }
    }

    @Test
    void everyUrlInAMessage() {
        assertEquals("cannot connect to jdbc:mariadb://u:***@h/db: No suitable driver found for jdbc:mariadb://u:***@h/db",
                JdbcUrls.maskedIn("cannot connect to jdbc:mariadb://u:PW@h/db: No suitable driver found for jdbc:mariadb://u:PW@h/db"));
    }

    @Test
    void mysqlUrlsGetTheMariaDbDriversPermission() {
        assertEquals("jdbc:mysql://db/shop?permitMysqlScheme", JdbcUrls.forDriver("jdbc:mysql://db/shop"));
        assertEquals("jdbc:mysql://db/shop?ssl=true&permitMysqlScheme", JdbcUrls.forDriver("jdbc:mysql://db/shop?ssl=true"));
        assertEquals("jdbc:mysql://db/shop?permitMysqlScheme", JdbcUrls.forDriver("jdbc:mysql://db/shop?permitMysqlScheme"));
        assertEquals("jdbc:mariadb://db/shop", JdbcUrls.forDriver("jdbc:mariadb://db/shop"));
    }
}
