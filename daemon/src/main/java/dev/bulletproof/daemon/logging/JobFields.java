package dev.bulletproof.daemon.logging;

/**
 * What a log record about a job carries besides its message, so the JSON format can give shippers fields
 * to filter on instead of text to parse. Attached as the record's only parameter.
 *
 * @param event what happened ("queued", "started", "completed"...)
 * @param status the job's status after it, as the API names it
 */
record JobFields(long jobId, String file, String status, String event) {}
