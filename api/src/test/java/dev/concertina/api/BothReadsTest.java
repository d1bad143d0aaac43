package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Schema;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BothReadsTest {

    @Test
    void theModelsAreReadOnAnotherThreadWhileTheDatabaseIsRead() {
        CountDownLatch modelsStarted = new CountDownLatch(1);
        AtomicReference<Thread> modelsThread = new AtomicReference<>();
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) { };
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            var both = BothReads.read(() -> {
                modelsThread.set(Thread.currentThread());
                seen.set(Thread.currentThread().getContextClassLoader());
                modelsStarted.countDown();
                return "models";
            }, () -> {
                // Sequential reads would never see the models start before this returns.
                try {
                    assertTrue(modelsStarted.await(30, TimeUnit.SECONDS), "models read started while the database is read");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return Schema.EMPTY;
            });
            assertSame(Schema.EMPTY, both.live());
            assertEquals("models", both.models());
            assertNotEquals(Thread.currentThread(), modelsThread.get());
            assertSame(loader, seen.get(), "the caller's context class loader (Hibernate and user classes)");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aDatabaseFailureIsReportedFirst() {
        ConcertinaException db = new ConcertinaException(ErrorCode.CONNECTION, "database");
        ConcertinaException thrown = assertThrows(ConcertinaException.class, () -> BothReads.read(() -> {
            throw new ConcertinaException(ErrorCode.MODEL, "models");
        }, () -> {
            throw db;
        }));
        assertSame(db, thrown);
    }

    @Test
    void aModelsFailureComesBackUnwrapped() {
        ConcertinaException models = new ConcertinaException(ErrorCode.MODEL, "models");
        ConcertinaException thrown = assertThrows(ConcertinaException.class, () -> BothReads.read(() -> {
            throw models;
        }, () -> Schema.EMPTY));
        assertSame(models, thrown);
    }
}
