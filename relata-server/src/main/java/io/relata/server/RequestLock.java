package io.relata.server;

import io.javalin.http.Handler;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock between the store and everything that uses it: the store has one connection and the workspace's
 * engines are not shared between threads, so requests, and the batches of a background load, take turns, in
 * arrival order (the lock is fair), each holding it for as long as it uses the store.
 */
final class RequestLock {
    private final ReentrantLock lock = new ReentrantLock(true);

    /** A handler that runs alone. */
    Handler serialized(Handler h) {
        return ctx -> {
            lock.lockInterruptibly();
            try {
                h.handle(ctx);
            } finally {
                lock.unlock();
            }
        };
    }

    <T> T call(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a step of a background load: a thread told to stop (the server is closing) stops at its next step rather
     * than waiting for the lock, and everything committed so far stays committed.
     */
    void step(Runnable work) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the server is stopping");
        }
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
