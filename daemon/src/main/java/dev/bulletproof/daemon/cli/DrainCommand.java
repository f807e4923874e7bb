package dev.bulletproof.daemon.cli;

import dev.bulletproof.model.QueueModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "drain",
        mixinStandardHelpOptions = true,
        description = "Let the running jobs finish, then pause the queue: no new job starts from now on."
                + " 'bulletproof resume' starts the queue again.")
final class DrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call() {
        QueueModel queue = remote.call(client -> client.drainQueue());
        spec.commandLine()
                .getOut()
                .println(
                        "draining".equals(queue.state())
                                ? "draining: " + queue.running()
                                        + " running job(s) finish, then the queue pauses; no new job starts"
                                : "queue paused: nothing was running, no new job starts");
        return 0;
    }
}
