package org.alaraaudit.audit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A second thread that takes items in order from a short queue and hands each to one consumer: the audit's
 * stages (reading, grouping rows by patient, running the rules) each keep one core busy, and a machine with two
 * cores would otherwise idle the second. Only the consumer's thread touches what the consumer touches until
 * {@link #finish()} returns; a failure there is thrown on the submitting thread, as it was raised.
 */
final class HandOff<T> implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Consumer<T> consumer;
    private final Thread worker;
    private volatile Throwable failure;

    HandOff(String name, int waiting, Consumer<T> consumer) {
        this.queue = new ArrayBlockingQueue<>(waiting);
        this.consumer = consumer;
        this.worker = new Thread(this::work, name);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Waits while the queue is full, so memory stays bounded by a few items. */
    void submit(T item) { put(item); }

    /** Waits for the last item to be consumed. */
    void finish() {
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + worker.getName(), e);
        }
        rethrow();
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!worker.isAlive()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + worker.getName(), e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    @SuppressWarnings("unchecked")
    private void work() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) return;
                consumer.accept((T) item);
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * Stops the worker when the audit ends early (it only ever waits on the queue or consumes one item) and
     * waits briefly for it, so the files it writes are not closed under it.
     */
    @Override
    public void close() {
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
