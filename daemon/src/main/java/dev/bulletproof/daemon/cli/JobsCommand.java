package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.JobQuery;
import dev.bulletproof.client.Page;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the running daemon's jobs, newest first.")
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            split = ",",
            description = "only jobs in these states (${COMPLETION-CANDIDATES}); repeat or separate with commas")
    List<JobStatus> statuses = List.of();

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "at most N jobs (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "-q", paramLabel = "TEXT", description = "only jobs whose file name contains TEXT")
    String text;

    @Option(names = "--json", description = "print the jobs as a JSON array, in the API's shape (GET /api/jobs)")
    boolean json;

    @Override
    public Integer call() {
        JobQuery query = JobQuery.all()
                .withStatuses(statuses.isEmpty() ? EnumSet.noneOf(JobStatus.class) : EnumSet.copyOf(statuses))
                .withText(text)
                .withLimit(limit);
        Page<JobModel> page = remote.call(client -> client.listJobs(query));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, page.items());
            return 0;
        }
        if (page.items().isEmpty()) {
            out.println("no jobs" + (page.total() > 0 ? " on this page (" + page.total() + " in all)" : ""));
            return 0;
        }
        JobTable.render(page.items()).forEach(out::println);
        if (page.total() > page.items().size()) {
            out.println("showing " + page.items().size() + " of " + page.total() + " jobs; use --limit for more");
        }
        return 0;
    }
}
