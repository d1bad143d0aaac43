package dev.concertina.runtime.internal;

/**
 * A test-only hook for the crash tests: when the system property {@value #PROPERTY} names the
 * point reached ({@code "c200 step 3"}: the third step of revision c200 ran and is not yet recorded;, {@code "backfill batch 1"}), the process says so on standard
 * error and waits to be killed. Unset in every real run; costs one property read per point.
 */
public final class TestPause {

    public static final String PROPERTY = "concertina.test.pause";
    public static final String MARKER = "concertina.test.paused ";

    private TestPause() {}

    public static void at(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.err.println(MARKER + point);
            System.err.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // Keep waiting: only a kill ends this process.
                }
            }
        }
    }
}
