package dev.bulletproof.daemon.media;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process together with everything it started, children first so none is re-parented and lost. */
final class ProcessTree {

    private ProcessTree() {}

    static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        descendants.reversed().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    /** Waits until the process and all of the descendants seen before the kill are gone. */
    static boolean killAndWait(ProcessHandle root, long timeoutMillis) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(root);
        kill(root);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }
}
