package dev.bulletproof.daemon.events;

import java.nio.file.Path;

/**
 * A job is held because its output volume would be left with too little free space; published once per
 * episode (until space is back), for the alert and the {@code disk.low} webhook.
 *
 * @param folder the job's output folder, on the volume that is short
 * @param freeBytes usable bytes on that volume now
 * @param neededBytes the job's estimated output plus the space to keep free
 * @param jobId the first job held, or null
 */
public record DiskSpaceLow(Path folder, long freeBytes, long neededBytes, Long jobId, String message) {}
