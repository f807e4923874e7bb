import type { Stats } from '../api/types';
import { count, duration } from '../format';

export function StatsCards({ stats }: { stats: Stats | null }) {
  const cards: { label: string; value: string; tone: string }[] = [
    { label: 'Total', value: count(stats?.total_jobs), tone: 'neutral' },
    { label: 'Successful', value: count(stats?.successful), tone: 'ok' },
    { label: 'Failed', value: count(stats?.failed), tone: stats && stats.failed > 0 ? 'bad' : 'neutral' },
    { label: 'In progress', value: count(stats?.in_progress), tone: 'busy' },
    { label: 'Queued', value: count(stats?.queued), tone: 'neutral' },
    { label: 'Avg processing time', value: stats && stats.successful > 0 ? duration(stats.avg_duration) : '–', tone: 'neutral' },
  ];
  return (
    <section className="stats-cards" aria-label="Statistics">
      {cards.map((card) => (
        <div key={card.label} className={`card stat tone-${card.tone}`}>
          <div className="stat-value">{card.value}</div>
          <div className="stat-label">{card.label}</div>
        </div>
      ))}
    </section>
  );
}
