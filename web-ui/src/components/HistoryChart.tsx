import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { HistoryBucket, TimelinePoint } from '../api/types';
import { axisUnit, bucketStart, duration } from '../format';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** Chart colours follow the page's theme variables, so dark mode charts stay readable. */
function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** `counts`: the y axis counts jobs, so its ticks are whole numbers (never "0.5 jobs"). */
function baseOptions(stacked: boolean, xTitle: string, yTitle: string, counts = true): ChartOptions<'bar'> {
  const text = themeColor('--text-muted', '#555');
  const grid = themeColor('--border', '#ddd');
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { labels: { color: text } } },
    scales: {
      x: { stacked, ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { color: grid }, title: { display: true, text: xTitle, color: text } },
      y: { stacked, beginAtZero: true, ticks: { color: text, precision: counts ? 0 : undefined }, grid: { color: grid }, title: { display: true, text: yTitle, color: text } },
    },
  };
}

function bucketLabel(start: string, bucket: 'hour' | 'day'): string {
  return bucketStart(start, bucket === 'hour');
}

/** Jobs completed and failed per hour or day. */
export function HistoryChart({ buckets, bucket }: { buckets: HistoryBucket[]; bucket: 'hour' | 'day' }) {
  const data = {
    labels: buckets.map((entry) => bucketLabel(entry.start, bucket)),
    datasets: [
      { label: 'Completed', data: buckets.map((entry) => entry.completed), backgroundColor: themeColor('--status-completed', '#1a7f37') },
      { label: 'Failed', data: buckets.map((entry) => entry.failed), backgroundColor: themeColor('--status-failed', '#cf222e') },
    ],
  };
  return (
    <div className="chart" aria-label="Jobs completed and failed over time">
      <Bar data={data} options={baseOptions(true, bucket, 'jobs')} />
    </div>
  );
}

/**
 * Media time processed per bucket, in seconds, minutes or hours after the largest bar (never "0.0225 hours");
 * the tooltip gives the exact figure in the common duration format.
 */
export function mediaSeries(buckets: HistoryBucket[]): { unit: string; values: number[] } {
  const seconds = buckets.map((entry) => entry.media_seconds_processed ?? 0);
  const unit = axisUnit(Math.max(0, ...seconds));
  return { unit: unit.label, values: seconds.map((value) => value / unit.seconds) };
}

export function MediaChart({ buckets, bucket }: { buckets: HistoryBucket[]; bucket: 'hour' | 'day' }) {
  const series = mediaSeries(buckets);
  const data = {
    labels: buckets.map((entry) => bucketLabel(entry.start, bucket)),
    datasets: [{ label: 'Media processed', data: series.values, backgroundColor: themeColor('--status-completed', '#1a7f37') }],
  };
  const options = baseOptions(false, bucket, series.unit, false);
  options.plugins = {
    ...options.plugins,
    tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${duration(buckets[item.dataIndex].media_seconds_processed)}` } },
  };
  return (
    <div className="chart" aria-label="Media time processed over time">
      <Bar data={data} options={options} />
    </div>
  );
}

/** Groups processing times into ranges that grow with the numbers, so seconds and hours both read well. */
export function distribution(points: TimelinePoint[]): { label: string; count: number }[] {
  const edges = [5, 15, 30, 60, 120, 300, 600, 1800, 3600];
  const labels = ['< 5 s', '5–15 s', '15–30 s', '30–60 s', '1–2 min', '2–5 min', '5–10 min', '10–30 min', '30–60 min', '≥ 1 h'];
  const counts = new Array<number>(labels.length).fill(0);
  points.forEach((point) => {
    if (point.processing_seconds === null || point.processing_seconds === undefined) {
      return;
    }
    const index = edges.findIndex((edge) => point.processing_seconds! < edge);
    counts[index === -1 ? edges.length : index] += 1;
  });
  return labels.map((label, index) => ({ label, count: counts[index] }));
}

export function ProcessingTimeChart({ points }: { points: TimelinePoint[] }) {
  const bins = distribution(points);
  const data = {
    labels: bins.map((bin) => bin.label),
    datasets: [{ label: 'Jobs', data: bins.map((bin) => bin.count), backgroundColor: themeColor('--status-processing', '#0969da') }],
  };
  return (
    <div className="chart" aria-label="Processing time distribution">
      <Bar data={data} options={baseOptions(false, 'processing time', 'jobs')} />
    </div>
  );
}
