package dev.concertina.api;

import dev.concertina.engine.model.Schema;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The two reads of a comparison, at the same time: the entity models (Hibernate's bootstrap, on a
 * thread of its own) while the caller reads the database. They share nothing, and each is about
 * half of a {@code diff} on a cold JVM (bench/scale/RESULTS.md). A failure of the database read is
 * reported first, as when the reads ran one after the other.
 */
final class BothReads {

    private BothReads() {}

    /** {@code models} on a thread of its own beside {@code live}, which runs on the calling thread. */
    static <M> Result<M> read(Supplier<M> modelRead, Supplier<Schema> live) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<M> models = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        models.complete(modelRead.get());
                    } catch (Throwable e) {
                        models.completeExceptionally(e);
                    }
                },
                "concertina-entities");
        t.setDaemon(true); // a failed database read ends the command without waiting for Hibernate
        t.setContextClassLoader(loader);
        t.start();
        Schema schema = live.get();
        try {
            return new Result<>(schema, models.join());
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error er) throw er;
            throw e;
        }
    }

    record Result<M>(Schema live, M models) {}
}
