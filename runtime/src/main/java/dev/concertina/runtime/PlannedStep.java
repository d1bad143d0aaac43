package dev.concertina.runtime;

/** One step a command would run: a revision and whether it goes up or down. */
public record PlannedStep(ResolvedMigration revision, Direction direction) {

    /** {@code downgrade contract c1d0001 (drop person.fullname)}. */
    @Override
    public String toString() {
        return direction.label() + " " + revision.branch().label() + " " + revision.describe();
    }
}
