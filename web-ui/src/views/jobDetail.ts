import type { Job } from '../api/types';

/** Where the output is, only once it exists: a failed or cancelled job never wrote one. */
export function outputLine(job: Job): { label: string; value: string } {
  const path = job.output_path ?? null;
  switch (job.status) {
    case 'completed':
      return { label: 'Output', value: path ?? '–' };
    case 'failed':
    case 'cancelled':
      return { label: 'Output', value: 'none: no output was written' };
    default:
      return { label: 'Output (when done)', value: path ?? 'decided when the job is queued' };
  }
}

/** What "verified" means depends on whether there is an output to check yet. */
export function verifiedText(job: Job): string {
  if (job.verified === true) {
    return 'yes, output checked';
  }
  if (job.verified === false) {
    return 'no: output failed verification';
  }
  switch (job.status) {
    case 'completed':
      return 'not checked';
    case 'failed':
    case 'cancelled':
      return 'no output to check';
    default:
      return 'after the output is written';
  }
}

/** The daemon's reason for the state, unless it only repeats the error shown above it. */
export function stateText(job: Job): string {
  const reason = job.status_reason?.trim();
  if (!reason || (job.error && reason === job.error.trim())) {
    return job.status;
  }
  return reason;
}

/** The lines of a log that contain the search text (any case); all lines when it is empty. */
export function matchingLines(log: string, search: string): string[] {
  const lines = log.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  const needle = search.trim().toLowerCase();
  return needle ? lines.filter((line) => line.toLowerCase().includes(needle)) : lines;
}

/** A line cut around each match of the search text, so the view can mark them. */
export function highlightParts(line: string, search: string): { text: string; match: boolean }[] {
  const needle = search.trim().toLowerCase();
  if (!needle) {
    return [{ text: line, match: false }];
  }
  const parts: { text: string; match: boolean }[] = [];
  const lower = line.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: line.slice(from, at), match: false });
    parts.push({ text: line.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < line.length) parts.push({ text: line.slice(from), match: false });
  return parts;
}
