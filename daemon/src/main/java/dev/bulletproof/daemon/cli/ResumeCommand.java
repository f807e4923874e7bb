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
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Resume one paused job, or with no job id the queue.")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Parameters(arity = "0..1", paramLabel = "JOB_ID", description = "the job to resume; none resumes the queue")
    String jobId;

    @Override
    public Integer call() {
        if (jobId == null) {
            QueueModel queue = remote.call(client -> client.resumeQueue());
            spec.commandLine().getOut().println("queue running: up to " + queue.maxWorkers() + " job(s) at once");
        } else {
            JobModel job = remote.call(client -> client.resume(jobId));
            spec.commandLine().getOut().println(JobReport.describe("resumed", job));
        }
        return 0;
    }
}
