package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.QueueControl;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleState;
import dev.bulletproof.daemon.schedule.ScheduleWindow;
import dev.bulletproof.model.FolderScheduleModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideModel;
import dev.bulletproof.model.ScheduleWindowModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The schedule and the queue's state in the contract's shapes, for /api/schedule, /api/queue and the feed. */
final class ScheduleViews {

    private ScheduleViews() {}

    static ScheduleModel model(ScheduleControl control) {
        ScheduleState state = control.state();
        ScheduleOverride override = state.override();
        return new ScheduleModel(
                control.schedule().isConfigured(),
                state.phase().wireName(),
                control.schedule().outside().wireName(),
                state.maxWorkers(),
                state.nextChange(),
                state.nextPhase() == null ? null : state.nextPhase().wireName(),
                state.nextMaxWorkers(),
                override(override),
                control.zone().getId(),
                control.schedule().windows().stream().map(ScheduleViews::window).toList(),
                control.suspendedJobs().stream().sorted().map(String::valueOf).toList(),
                folders(control));
    }

    private static List<FolderScheduleModel> folders(ScheduleControl control) {
        Map<String, ScheduleState> states = control.folderStates();
        return control.folderSchedules().entrySet().stream()
                .filter(entry -> states.containsKey(entry.getKey()))
                .map(entry -> {
                    ScheduleState state = states.get(entry.getKey());
                    return new FolderScheduleModel(
                            entry.getKey(),
                            state.phase().wireName(),
                            entry.getValue().outside().wireName(),
                            state.maxWorkers(),
                            state.nextChange(),
                            state.nextPhase() == null ? null : state.nextPhase().wireName(),
                            state.nextMaxWorkers(),
                            entry.getValue().windows().stream()
                                    .map(ScheduleViews::window)
                                    .toList(),
                            control.suspendedJobs(entry.getKey()).stream()
                                    .sorted()
                                    .map(String::valueOf)
                                    .toList(),
                            override(control.folderOverride(entry.getKey())));
                })
                .toList();
    }

    private static ScheduleOverrideModel override(ScheduleOverride override) {
        return override == null
                ? null
                : new ScheduleOverrideModel(override.mode().wireName(), override.until(), override.setAt());
    }

    /** "running", "draining" (paused, its running jobs not all ended) or "paused". */
    static String queueState(QueueControl queue) {
        if (queue.isDraining()) {
            return "draining";
        }
        return queue.isQueuePaused() ? "paused" : "running";
    }

    static ServerMessage.QueueUpdate queueUpdate(QueueControl queue, ScheduleControl schedule) {
        return new ServerMessage.QueueUpdate(
                queue.isQueuePaused(),
                queue.maxWorkers(),
                queueState(queue),
                schedule == null ? null : model(schedule));
    }

    private static ScheduleWindowModel window(ScheduleWindow window) {
        return new ScheduleWindowModel(
                window.days().stream().sorted().map(ScheduleViews::day).toList(),
                time(window.from()),
                window.to().equals(LocalTime.MIDNIGHT) ? "24:00" : time(window.to()),
                window.maxWorkers());
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    private static String time(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
}
