package dev.bulletproof.model;

import java.util.List;

/**
 * {@code GET /api/jobs/{id}/log}: the last lines of the job's ffmpeg log.
 *
 * @param truncated true when older lines were left out
 */
public record JobLogModel(String jobId, List<String> lines, boolean truncated) {}
