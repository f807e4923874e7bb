package dev.bulletproof.daemon.logging;

/** How the daemon writes its log records, on stderr and into its log file. */
public enum LogFormat {
    /** One line a record: time, level, component, message. For people and journalctl. */
    TEXT,
    /** One JSON object a line, with job id, file and status when the record is about a job. For log shippers. */
    JSON
}
