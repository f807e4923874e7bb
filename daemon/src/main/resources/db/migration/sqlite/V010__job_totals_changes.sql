-- Changes to job_totals, appended by the totals triggers instead of updating its seven rows in place.
--
-- On a database shared by several nodes, every claim, completion and retry updated the same few counter
-- rows; two transactions moving jobs between statuses in opposite directions then locked them in opposite
-- orders and deadlocked. Appending takes no lock on an existing row. The rows here are folded into
-- job_totals from time to time (history.jdbc.JobTotals.fold); the totals are job_totals plus these rows.
-- SQLite has one writer at a time and never deadlocked; it keeps the same tables so both dialects share
-- one set of triggers and one reading.

CREATE TABLE job_totals_changes (
    status           TEXT NOT NULL,
    jobs             INTEGER NOT NULL,
    processing_count INTEGER NOT NULL,
    processing_sum   REAL NOT NULL
);
