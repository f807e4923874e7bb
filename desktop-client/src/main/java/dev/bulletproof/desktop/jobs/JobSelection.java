package dev.bulletproof.desktop.jobs;

import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.List;

/**
 * What several selected jobs can have done to them at once, and the one question asked first. The words are
 * the web dashboard's (web-ui/src/components/BulkBar.tsx), so both clients say the same about files.
 */
public final class JobSelection {

    /** The actions the daemon takes for many jobs in one call; priority needs a value per job. */
    public static final List<JobAction> BULK =
            List.of(JobAction.PAUSE, JobAction.RESUME, JobAction.CANCEL, JobAction.RETRY, JobAction.DELETE);

    private JobSelection() {}

    /**
     * The confirmation of a bulk action.
     *
     * @param header the question, which names how many jobs it applies to
     * @param text what happens to files
     * @param yes the button that does it
     * @param no the button that leaves the jobs as they are
     */
    public record Question(String header, String text, String yes, String no) {

        /** Header and text as one sentence, as the web dashboard shows it. */
        public String sentence() {
            return text.isEmpty() ? header : header + " " + text;
        }
    }

    /** The selected jobs whose allowed_actions include {@code action}: the only ones it is sent for. */
    public static List<JobModel> applicable(List<JobModel> selected, JobAction action) {
        return selected.stream()
                .filter(job -> JobsViewModel.allows(job, action))
                .toList();
    }

    public static Question question(JobAction action, List<JobModel> applicable, int selectedCount) {
        int count = applicable.size();
        String scope = count == selectedCount ? jobs(count) : jobs(count) + " of the " + selectedCount + " selected";
        return switch (action) {
            case CANCEL ->
                new Question(
                        "Cancel " + scope + "?",
                        "Running encodes stop and their partial outputs are removed; the sources stay.",
                        "Cancel " + jobs(count),
                        "Keep them");
            case DELETE ->
                new Question(
                        "Delete the history entries of " + scope + "?",
                        "Only the entries go; no file is touched.",
                        "Delete " + (count == 1 ? "entry" : count + " entries"),
                        "Keep them");
            case RETRY -> {
                boolean completed = applicable.stream().anyMatch(job -> job.status() == JobStatus.COMPLETED);
                yield new Question(
                        "Run " + scope + " again?",
                        completed ? "Existing outputs stay; new ones are written beside them as numbered copies." : "",
                        "Run " + jobs(count) + " again",
                        "Leave them");
            }
            case PAUSE ->
                new Question("Pause " + scope + "?", "No file is touched.", "Pause " + jobs(count), "Leave them");
            case RESUME ->
                new Question("Resume " + scope + "?", "No file is touched.", "Resume " + jobs(count), "Leave them");
            case PRIORITY -> throw new IllegalArgumentException("priority is not a bulk action");
        };
    }

    static String jobs(int count) {
        return count == 1 ? "1 job" : count + " jobs";
    }
}
