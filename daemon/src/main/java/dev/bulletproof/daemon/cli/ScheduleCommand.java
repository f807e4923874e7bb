package dev.bulletproof.daemon.cli;

import dev.bulletproof.format.ScheduleText;
import dev.bulletproof.model.FolderScheduleModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideRequest;
import dev.bulletproof.model.ScheduleWindowModel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Show the schedule (what it does now and until when), or override it for a while:",
            "  schedule run --for 2h             run jobs now, whatever the windows say",
            "  schedule hold --until 'tomorrow 07:00'   hold the queue (as outside the windows)",
            "  schedule clear                    end the override; the windows decide again",
            "  ... --folder PATH                 the same for one watch folder with a schedule of its own"
        })
final class ScheduleCommand implements Callable<Integer> {

    enum Action {
        show,
        run,
        hold,
        clear
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote;

    @Parameters(arity = "0..1", paramLabel = "ACTION", description = "show (the default), run, hold or clear")
    Action action = Action.show;

    @Option(names = "--for", paramLabel = "LENGTH", description = "how long the override lasts: 2h, 90m, 1h30m")
    String length;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            description = "when the override ends, in this machine's time zone: 07:00 (the next one), 'tomorrow 07:00',"
                    + " 2026-12-24T18:00")
    String until;

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description = "override only this watch folder's own schedule (its path); else the global override,"
                    + " which covers every folder without an override of its own")
    String folder;

    @Option(names = "--json", description = "print the schedule as the API returns it")
    boolean json;

    @Override
    public Integer call() {
        ScheduleModel schedule =
                switch (action) {
                    case show -> remote.call(client -> client.schedule());
                    case clear ->
                        remote.call(client -> folder == null
                                ? client.clearScheduleOverride()
                                : client.clearFolderScheduleOverride(folderPath()));
                    case run, hold -> {
                        ScheduleOverrideRequest asked = request(action.name());
                        ScheduleOverrideRequest request = folder == null ? asked : asked.forFolder(folderPath());
                        yield remote.call(client -> client.overrideSchedule(request));
                    }
                };
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, schedule);
        } else {
            print(out, schedule, Instant.now(), ZoneId.systemDefault());
        }
        return 0;
    }

    private ScheduleOverrideRequest request(String mode) {
        if ((length == null) == (until == null)) {
            throw new ParameterException(
                    spec.commandLine(), "say how long with --for 2h, or until when with --until 07:00");
        }
        try {
            if (length != null) {
                Duration lasting = OverrideTimes.length(length);
                return ScheduleOverrideRequest.lasting(mode, lasting.toSeconds());
            }
            return ScheduleOverrideRequest.until(
                    mode, OverrideTimes.until(until, Instant.now(), ZoneId.systemDefault()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** As the daemon names the folder: absolute, so "./drop/night" typed in the show folder works too. */
    private String folderPath() {
        return java.nio.file.Path.of(folder).toAbsolutePath().normalize().toString();
    }

    static void print(PrintWriter out, ScheduleModel schedule, Instant now, ZoneId zone) {
        String line = ScheduleText.line(schedule, now, zone);
        out.println("schedule  " + (line == null ? "none: jobs run whenever they are queued" : line));
        if (schedule.override() != null) {
            out.println("override  " + schedule.override().mode() + " until "
                    + ScheduleText.when(schedule.override().until(), now, zone)
                    + "  ('bulletproof schedule clear' ends it)");
        }
        if (schedule.configured()) {
            out.println("outside   "
                    + ("drain".equals(schedule.outside())
                            ? "drain: running jobs finish, nothing new starts"
                            : "pause: running jobs are suspended, nothing new starts"));
            out.println("windows   (" + schedule.timeZone() + ")");
            for (ScheduleWindowModel window : schedule.windows()) {
                out.println("  " + String.join(",", window.days()) + " " + window.from() + "-" + window.to()
                        + (window.maxWorkers() == null ? "" : ", " + window.maxWorkers() + " worker(s)"));
            }
        }
        if (!schedule.suspendedJobs().isEmpty()) {
            out.println("suspended " + String.join(", ", schedule.suspendedJobs()) + " (continue when a window opens)");
        }
        // Folders with a schedule of their own follow it instead; the override above runs or holds them too.
        for (FolderScheduleModel folder : schedule.folders()) {
            out.println("folder    " + folder.folder() + ": "
                    + ScheduleText.folderLine(folder, schedule.override() != null, now, zone) + " (" + folder.outside()
                    + " outside "
                    + folder.windows().stream()
                            .map(window -> String.join(",", window.days()) + " " + window.from() + "-" + window.to()
                                    + (window.maxWorkers() == null ? "" : ", " + window.maxWorkers() + " worker(s)"))
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ")");
            if (folder.override() != null) {
                out.println("  override " + folder.override().mode() + " until "
                        + ScheduleText.when(folder.override().until(), now, zone)
                        + "  ('bulletproof schedule clear --folder " + folder.folder() + "' ends it)");
            }
            if (!folder.suspendedJobs().isEmpty()) {
                out.println("  suspended " + String.join(", ", folder.suspendedJobs()));
            }
        }
    }
}
