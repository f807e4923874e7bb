package dev.bulletproof.daemon.cli;

import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.QueueModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description = "Pause one running job, or with no job id the queue: no new job starts, running ones go on.")
final class PauseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Parameters(arity = "0..1", paramLabel = "JOB_ID", description = "the job to pause; none pauses the queue")
    String jobId;

    @Override
    public Integer call() {
        if (jobId == null) {
            QueueModel queue = remote.call(client -> client.pauseQueue());
            spec.commandLine()
                    .getOut()
                    .println("queue paused: no new job starts; " + queue.running() + " running job(s) carry on");
        } else {
            JobModel job = remote.call(client -> client.pause(jobId));
            spec.commandLine().getOut().println(JobReport.describe("paused", job));
        }
        return 0;
    }
}
