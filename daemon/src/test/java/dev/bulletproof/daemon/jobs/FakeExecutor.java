package dev.bulletproof.daemon.jobs;

import dev.bulletproof.testing.Await;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the pool: every started job gets an execution the test finishes, fails or leaves
 * hanging by hand, and which records the pool's suspend, resume and cancel calls.
 */
final class FakeExecutor implements JobExecutor {

    private final Map<Long, List<FakeExecution>> executions = new ConcurrentHashMap<>();
    private final List<Long> startOrder = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Map<Long, RuntimeException> startFailures = new ConcurrentHashMap<>();

    @Override
    public Execution start(Job job, ExecutionListener listener) {
        startOrder.add(job.id());
        RuntimeException failure = startFailures.remove(job.id());
        if (failure != null) {
            throw failure;
        }
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        FakeExecution execution = new FakeExecution(job, listener);
        executions.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(execution);
        return execution;
    }

    void failOnStart(long jobId, RuntimeException failure) {
        startFailures.put(jobId, failure);
    }

    /** The execution of the job's first start, once it exists. */
    FakeExecution execution(long jobId) {
        return execution(jobId, 1);
    }

    /** The execution of the job's n-th start (1-based), once it exists. */
    FakeExecution execution(long jobId, int start) {
        Await.until(
                "job " + jobId + " to start " + start + " time(s)",
                () -> executions.getOrDefault(jobId, List.of()).size() >= start);
        return executions.get(jobId).get(start - 1);
    }

    int startsOf(long jobId) {
        return (int) startOrder.stream().filter(id -> id == jobId).count();
    }

    List<Long> startOrder() {
        return List.copyOf(startOrder);
    }

    int started() {
        return startOrder.size();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    final class FakeExecution implements Execution {

        final Job job;
        final ExecutionListener listener;
        final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
        final AtomicInteger suspends = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        volatile boolean deaf;

        FakeExecution(Job job, ExecutionListener listener) {
            this.job = job;
            this.listener = listener;
        }

        void succeed() {
            result.complete(ExecutionResult.succeeded(job.outputPath(), true, 1.5));
        }

        void fail(String error, boolean retryable) {
            result.complete(ExecutionResult.failed(error, retryable, 0.5));
        }

        void stall() {
            result.complete(ExecutionResult.stalled("no progress for 120 s", 120));
        }

        void progress(double fraction) {
            listener.onProgress(new LiveProgress(job.id(), fraction, 25.0, 1.0, 10.0, 1.0));
        }

        @Override
        public void suspend() {
            suspends.incrementAndGet();
        }

        @Override
        public void resume() {
            resumes.incrementAndGet();
        }

        /** From now on this execution ignores cancel and interrupts, like a process stuck in the kernel. */
        void hang() {
            deaf = true;
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
            if (!deaf) {
                result.complete(ExecutionResult.cancelled(0.1));
            }
        }

        @Override
        public ExecutionResult await() throws InterruptedException {
            try {
                while (true) {
                    try {
                        return result.get();
                    } catch (InterruptedException e) {
                        if (!deaf) {
                            throw e;
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
