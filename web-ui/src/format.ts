export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  if (value < 60) {
    return `${value.toFixed(value < 10 ? 1 : 0)} s`;
  }
  const minutes = Math.floor(value / 60);
  const rest = Math.round(value % 60);
  if (minutes < 60) {
    return `${minutes} min ${rest.toString().padStart(2, '0')} s`;
  }
  return `${Math.floor(minutes / 60)} h ${(minutes % 60).toString().padStart(2, '0')} min`;
}

export function percent(progress: number): string {
  return `${Math.round(Math.max(0, Math.min(1, progress)) * 100)} %`;
}

export function dateTime(value: string | null | undefined): string {
  if (!value) {
    return '–';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function number(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function bitrate(value: number | null | undefined): string {
  if (!value) {
    return '–';
  }
  return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(1)} Mb/s` : `${Math.round(value / 1000)} kb/s`;
}
