package dev.bulletproof.daemon.cli;

import dev.bulletproof.model.JobModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a job; a running encode is stopped and its partial output removed.")
final class CancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Parameters(paramLabel = "JOB_ID", description = "the job to cancel")
    String jobId;

    @Override
    public Integer call() {
        JobModel job = remote.call(client -> client.cancel(jobId));
        spec.commandLine().getOut().println(JobReport.describe("cancelled", job));
        return 0;
    }
}
