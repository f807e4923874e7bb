package dev.bulletproof.daemon.cli;

import dev.bulletproof.model.JobModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "retry", mixinStandardHelpOptions = true, description = "Queue a failed or cancelled job again.")
final class RetryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Parameters(paramLabel = "JOB_ID", description = "the job to run again")
    String jobId;

    @Override
    public Integer call() {
        JobModel job = remote.call(client -> client.retry(jobId));
        spec.commandLine().getOut().println(JobReport.describe("queued again", job));
        return 0;
    }
}
