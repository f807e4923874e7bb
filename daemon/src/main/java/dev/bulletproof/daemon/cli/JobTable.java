package dev.bulletproof.daemon.cli;

import dev.bulletproof.format.Formats;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.ArrayList;
import java.util.List;

/** Jobs as aligned console columns. */
final class JobTable {

    private static final List<String> HEADER = List.of("ID", "STATUS", "PROGRESS", "PROFILE", "FILENAME", "ERROR");
    private static final List<String> RUNNING_HEADER =
            List.of("ID", "STATUS", "PROGRESS", "SPEED", "ETA", "ELAPSED", "PROFILE", "FILENAME");
    private static final int MAX_ERROR = 80;

    private JobTable() {}

    /** Any jobs: id, status, progress, profile, file name, error. */
    static List<String> render(List<JobModel> jobs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        jobs.forEach(job -> rows.add(List.of(
                job.id(),
                job.status().wireName(),
                progress(job),
                job.profile() == null ? "-" : job.profile(),
                job.filename(),
                job.error() == null ? "" : shortened(job.error()))));
        return aligned(rows);
    }

    /** Jobs a worker holds: with how fast they go and when they should be done. */
    static List<String> renderRunning(List<JobModel> jobs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(RUNNING_HEADER);
        jobs.forEach(job -> rows.add(List.of(
                job.id(),
                job.status().wireName(),
                progress(job),
                Figures.speed(job.speed()),
                Figures.duration(job.etaSeconds()),
                Figures.duration(job.elapsedSeconds()),
                job.profile() == null ? "-" : job.profile(),
                job.filename())));
        return aligned(rows);
    }

    private static List<String> aligned(List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return rows.stream().map(row -> line(row, widths)).toList();
    }

    /** Only jobs a worker holds have a meaningful fraction; a finished one is done or not. */
    static String progress(JobModel job) {
        if (job.status() == JobStatus.COMPLETED) {
            return Formats.percent(1);
        }
        if (job.status().isActive()) {
            return Formats.percent(job.progress());
        }
        return "-";
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            boolean last = column == row.size() - 1;
            line.append(last ? row.get(column) : pad(row.get(column), widths[column] + 2));
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String shortened(String error) {
        String flat = BulletproofCli.oneLine(error);
        return flat.length() <= MAX_ERROR ? flat : flat.substring(0, MAX_ERROR - 3) + "...";
    }
}
