package dev.concertina.runtime.internal;

/** A held migration lock; closing it releases the lock and its connection. */
public interface MigrationLock extends AutoCloseable {

    @Override
    void close();
}
