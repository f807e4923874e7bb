import { useMemo, useState } from 'react';
import { highlightParts, matchingLines } from '../views/jobDetail';

/** The whole ffmpeg log: scrollable, searchable (matches marked; optionally only matching lines), downloadable. */
export function LogView({ log, downloadUrl, truncated }: { log: string; downloadUrl: string; truncated: boolean }) {
  const [search, setSearch] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const all = useMemo(() => matchingLines(log, ''), [log]);
  const matches = useMemo(() => matchingLines(log, search), [log, search]);
  const shown = onlyMatches && search.trim() ? matches : all;
  return (
    <section className="log-view">
      <div className="log-toolbar">
        <h2>ffmpeg log</h2>
        <input type="search" aria-label="Search the log" placeholder="Search the log" value={search} onChange={(event) => setSearch(event.target.value)} />
        <label>
          <input type="checkbox" checked={onlyMatches} onChange={(event) => setOnlyMatches(event.target.checked)} /> Only matching lines
        </label>
        {search.trim() && <span className="muted" role="status">{matches.length === 1 ? '1 matching line' : `${matches.length} matching lines`}</span>}
        <a className="button" href={downloadUrl} download>
          Download log
        </a>
      </div>
      {truncated && <p className="muted">The log is longer than 4 MiB; this is its end.</p>}
      <pre className="log" aria-label="ffmpeg log">
        {log === ''
          ? 'No log yet: the job has not run.'
          : shown.map((line, index) => (
              <span key={index} className="log-line">
                {highlightParts(line, search).map((part, at) => (part.match ? <mark key={at}>{part.text}</mark> : part.text))}
                {'\n'}
              </span>
            ))}
      </pre>
    </section>
  );
}
