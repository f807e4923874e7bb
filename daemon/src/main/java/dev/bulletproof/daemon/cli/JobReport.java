package dev.bulletproof.daemon.cli;

import dev.bulletproof.model.JobModel;

/** The one-line confirmation the job verbs print. */
final class JobReport {

    private JobReport() {}

    static String describe(String action, JobModel job) {
        return action + " job " + job.id() + " (" + job.filename() + "), now "
                + job.status().wireName();
    }
}
