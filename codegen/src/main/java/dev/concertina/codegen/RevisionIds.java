package dev.concertina.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Revision ids derived from what a revision is, so the same inputs give the same id (and so
 * byte-identical files): the first 12 hex digits of a SHA-256 over the branch, the parent, the
 * message and the generated body.
 */
public final class RevisionIds {

    /** Hex digits in an id: 48 bits, far from colliding within one application's history. */
    public static final int LENGTH = 12;

    private RevisionIds() {}

    /** The id of a revision with this content. */
    public static String of(String branch, String parent, String message, String content) {
        String text = "concertina revision\nbranch " + branch + "\nparent " + parent + "\nmessage " + message + "\n"
                + content;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
