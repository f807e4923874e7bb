package dev.bulletproof.daemon.schedule;

/** The schedule's phase, limit, next change or override changed: clients show the new state. */
public record ScheduleChanged(ScheduleState state) {}
