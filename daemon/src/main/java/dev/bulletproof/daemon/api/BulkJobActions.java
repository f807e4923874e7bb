package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.model.BulkActionModel;
import dev.bulletproof.model.BulkActionOutcome;
import dev.bulletproof.model.BulkActionOutcome.Result;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * POST /api/jobs/actions: one action for many jobs, each job on its own. A job whose state does not allow
 * the action (the same rules as the single-job routes, from {@code JobCommand}) is refused with the reason
 * and the others still go ahead, so a selection that changed since the client drew it is not an error.
 */
final class BulkJobActions {

    static final int MAX_IDS = 1000;
    static final Set<String> KEYS = Set.of("action", "ids");

    /** The actions that need nothing but the job; priority needs a value per job and stays single. */
    static final Set<JobAction> BULK =
            Set.of(JobAction.PAUSE, JobAction.RESUME, JobAction.CANCEL, JobAction.RETRY, JobAction.DELETE);

    private final JobCommands commands;
    private final JobQueries jobs;
    private final ClusterNodes nodes;

    BulkJobActions(JobCommands commands, JobQueries jobs, ClusterNodes nodes) {
        this.commands = commands;
        this.jobs = jobs;
        this.nodes = nodes;
    }

    BulkActionModel apply(ObjectNode body) {
        JobAction action = actionOf(body.get("action"));
        List<BulkActionOutcome> outcomes = new ArrayList<>();
        for (long id : idsOf(body.get("ids"))) {
            outcomes.add(applyTo(action, id));
        }
        return new BulkActionModel(action, outcomes);
    }

    private BulkActionOutcome applyTo(JobAction action, long id) {
        try {
            return new BulkActionOutcome(Long.toString(id), Result.DONE, null, run(action, id));
        } catch (JobNotFoundException e) {
            return new BulkActionOutcome(Long.toString(id), Result.NOT_FOUND, e.getMessage(), null);
        } catch (IllegalTransitionException e) {
            return new BulkActionOutcome(Long.toString(id), Result.REFUSED, e.getMessage(), null);
        }
    }

    private JobModel run(JobAction action, long id) {
        return switch (action) {
            case PAUSE -> JobViews.of(commands.pause(id), jobs, nodes);
            case RESUME -> JobViews.of(commands.resume(id), jobs, nodes);
            case CANCEL -> JobViews.of(commands.cancel(id), jobs, nodes);
            case RETRY -> JobViews.of(commands.retry(id), jobs, nodes);
            case DELETE -> {
                commands.delete(id);
                yield null;
            }
            case PRIORITY -> throw new IllegalStateException("priority is not a bulk action");
        };
    }

    private static JobAction actionOf(JsonNode value) {
        List<String> known = Arrays.stream(JobAction.values())
                .filter(BULK::contains)
                .map(JobAction::wireName)
                .toList();
        if (value == null || !value.isTextual() || !known.contains(value.asText())) {
            throw ApiException.invalidField("action", "must be one of " + known);
        }
        return JobAction.fromWireName(value.asText());
    }

    /** A number, or the string the job model writes an id as. */
    private static long idOf(JsonNode id) {
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.longValue();
        }
        if (id.isTextual() && id.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.asText());
        }
        throw ApiException.invalidField("ids", "must hold job ids (whole numbers) only");
    }

    /** The ids in the order sent, each once. */
    private static Set<Long> idsOf(JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw ApiException.invalidField("ids", "must be a non-empty list of job ids");
        }
        if (value.size() > MAX_IDS) {
            throw ApiException.invalidField("ids", "may hold at most " + MAX_IDS + " ids, had " + value.size());
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : value) {
            ids.add(idOf(id));
        }
        return ids;
    }
}
