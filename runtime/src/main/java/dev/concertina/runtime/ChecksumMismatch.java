package dev.concertina.runtime;

/** An applied revision whose code no longer does what it did when it was applied. */
public record ChecksumMismatch(
        String revision, Branch branch, String message, String appliedChecksum, String codeChecksum) {

    /** One line naming the revision. */
    public String describe() {
        return "applied " + branch.label() + " revision " + revision + (message.isEmpty() ? "" : " (" + message + ")")
                + " has changed since it was applied (checksum " + abbreviate(appliedChecksum) + " applied, "
                + abbreviate(codeChecksum)
                + " in code): restore the applied version, or put the change in a new revision";
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }
}
