package com.stocklens.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way StockLens makes its own threads: daemon threads with a name that says whose they are, so a
 * thread dump reads like the architecture and no background thread keeps the JVM alive on exit.
 */
public final class NamedThreads {
    private NamedThreads() {
    }

    /** A factory whose threads are all called {@code name} (for single-thread executors). */
    public static ThreadFactory daemon(String name) {
        return r -> daemonThread(r, name);
    }

    /** A factory whose threads are called {@code prefix1}, {@code prefix2}, … (for pools). */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemonThread(r, prefix + n.incrementAndGet());
    }

    /** An unstarted daemon thread running {@code task}. */
    public static Thread daemonThread(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
