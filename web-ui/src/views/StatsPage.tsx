import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { HistoryBucket, TimelinePoint } from '../api/types';
import { HistoryChart, MediaChart, ProcessingTimeChart } from '../components/HistoryChart';
import { StatsCards } from '../components/StatsCards';
import { useDashboard } from '../state/DashboardStore';

const DAY_MS = 86_400_000;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function StatsPage() {
  const { state, reportError } = useDashboard();
  const [bucket, setBucket] = useState<'hour' | 'day'>('hour');
  const [from, setFrom] = useState(() => isoDate(new Date(Date.now() - DAY_MS)));
  const [to, setTo] = useState(() => isoDate(new Date()));
  const [history, setHistory] = useState<HistoryBucket[] | null>(null);
  const [timeline, setTimeline] = useState<TimelinePoint[] | null>(null);
  const finished = state.stats ? state.stats.successful + state.stats.failed : 0;

  useEffect(() => {
    // Whole days in local time: from the start of "from" to the end of "to".
    const start = new Date(from + 'T00:00:00');
    const end = new Date(new Date(to + 'T00:00:00').getTime() + DAY_MS);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
      return;
    }
    Promise.all([api.history(start.toISOString(), end.toISOString(), bucket), api.timeline(start.toISOString(), end.toISOString())]).then(
      ([buckets, points]) => {
        setHistory(buckets);
        setTimeline(points);
      },
      (error) => reportError('Loading the history failed', error),
    );
  }, [from, to, bucket, finished, reportError]);

  return (
    <>
      <div className="page-head">
        <h1>Statistics</h1>
        <div className="filters">
          <label>
            From <input type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
          </label>
          <label>
            By{' '}
            <select value={bucket} onChange={(event) => setBucket(event.target.value as 'hour' | 'day')}>
              <option value="hour">hour</option>
              <option value="day">day</option>
            </select>
          </label>
        </div>
      </div>
      <StatsCards stats={state.stats} />
      <section className="card">
        <h2>Jobs finished</h2>
        {history === null ? <p className="empty">Loading…</p> : <HistoryChart buckets={history} bucket={bucket} />}
      </section>
      <section className="card">
        <h2>Media processed</h2>
        {history === null ? <p className="empty">Loading…</p> : <MediaChart buckets={history} bucket={bucket} />}
      </section>
      <section className="card">
        <h2>Processing time</h2>
        {timeline === null ? (
          <p className="empty">Loading…</p>
        ) : timeline.length === 0 ? (
          <p className="empty">No finished jobs in this period.</p>
        ) : (
          <ProcessingTimeChart points={timeline} />
        )}
      </section>
    </>
  );
}
