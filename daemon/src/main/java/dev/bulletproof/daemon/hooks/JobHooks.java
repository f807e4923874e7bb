package dev.bulletproof.daemon.hooks;

import dev.bulletproof.daemon.config.HookCommand;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.media.HookProcess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Runs the config file's hooks after a job completes or fails, one hook after another on a thread of their
 * own (a slow hook never holds a worker, and a job's hooks run in the order they are listed). The job's
 * fields are passed as {@code BULLETPROOF_*} environment variables; what a hook prints goes into the job's
 * log. A hook runs once the outcome is committed, so whatever it does or however it fails, the job stays
 * completed and its published output stays where it is: a failure is reported (a log line, the job's log,
 * an alert), never undone.
 *
 * <p>Hooks are not durable: a daemon that stops or crashes before a hook has run does not run it later (at
 * most once; decision 0024).
 */
public final class JobHooks implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobHooks.class.getName());

    private final List<HookCommand> hooks;
    private final EventBus bus;
    private final LongFunction<Path> jobLog;
    private final ExecutorService runner;
    private final AutoCloseable subscription;

    /** @param jobLog the log file of a job, where each hook's output goes */
    public JobHooks(List<HookCommand> hooks, EventBus bus, LongFunction<Path> jobLog) {
        this.hooks = List.copyOf(hooks);
        this.bus = bus;
        this.jobLog = jobLog;
        this.runner = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("bulletproof-hooks").daemon(true).factory());
        this.subscription = this.hooks.isEmpty() ? null : bus.subscribe(JobEvent.Changed.class, this::onChanged);
    }

    private void onChanged(JobEvent.Changed changed) {
        String event =
                switch (changed.change()) {
                    case COMPLETED -> "job.completed";
                    case FAILED -> "job.failed";
                    default -> null;
                };
        if (event == null) {
            return;
        }
        Job job = changed.job();
        for (HookCommand hook : hooks) {
            if (hook.wants(event)) {
                runner.execute(() -> run(hook, event, job));
            }
        }
    }

    private void run(HookCommand hook, String event, Job job) {
        Path log = jobLog.apply(job.id());
        String program = hook.command().getFirst();
        HookProcess.note(log, "--- hook " + program + " (" + event + ") ---");
        HookProcess.Outcome outcome = HookProcess.run(hook.command(), environment(job, event), hook.timeout(), log);
        String took = String.format(Locale.ROOT, "%.1f s", outcome.took().toMillis() / 1000.0);
        if (outcome.succeeded()) {
            HookProcess.note(log, "--- hook " + program + " finished in " + took + " ---");
            LOG.log(System.Logger.Level.INFO, "job " + job.id() + ": hook " + program + " finished in " + took);
            return;
        }
        String message = "hook " + program + " for job " + job.id() + " (" + job.filename() + ") failed: "
                + outcome.problem() + "; the job's outcome stands";
        HookProcess.note(log, "--- hook " + program + " failed: " + outcome.problem() + " ---");
        LOG.log(System.Logger.Level.WARNING, message);
        bus.publish(new Alert("warning", message, job.id()));
    }

    /** The job's fields for the hook; absent values are empty, so a script can test them without guessing. */
    static Map<String, String> environment(Job job, String event) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BULLETPROOF_EVENT", event);
        env.put("BULLETPROOF_JOB_ID", Long.toString(job.id()));
        env.put("BULLETPROOF_STATUS", job.status().wireName());
        env.put("BULLETPROOF_INPUT", job.inputPath());
        env.put("BULLETPROOF_OUTPUT", text(job.outputPath()));
        env.put("BULLETPROOF_FILENAME", job.filename());
        env.put("BULLETPROOF_PROFILE", text(job.profile()));
        env.put("BULLETPROOF_ERROR", text(job.error()));
        env.put("BULLETPROOF_ATTEMPTS", Integer.toString(job.attempts()));
        env.put("BULLETPROOF_DURATION", text(job.mediaDurationSeconds()));
        env.put("BULLETPROOF_PROCESSING_SECONDS", text(job.processingSeconds()));
        env.put("BULLETPROOF_OUTPUT_SIZE", text(job.outputSize()));
        return env;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Lets the hooks that run or wait finish for up to 10 s; any still running then is stopped. */
    @Override
    public void close() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a subscription failed", e);
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(10, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            runner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
