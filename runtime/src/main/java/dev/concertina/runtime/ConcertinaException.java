package dev.concertina.runtime;

/**
 * The one exception Concertina throws on purpose. Its message is a single line that names the
 * object and the place ({@code drop column "person"."fullname": …}); its code says what kind of
 * failure it is, and the CLI maps the code to an exit status.
 */
public class ConcertinaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ConcertinaException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ConcertinaException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
