/**
 * How figures read in the dashboard: the TypeScript copy of shared-model's dev.bulletproof.format.Formats,
 * which the desktop client and the command line use. Both copies run the same table of cases
 * (shared-model/src/test/resources/format-cases.json, see format.test.ts), so they cannot drift apart.
 *
 * The rule for every figure: round to the precision it is shown with first, then pick the form from the
 * rounded value (59.5 s is "1 min 00 s", never "60 s"). Rounding is done on integers with Math.round, which
 * rounds halves the way Java's Math.round does; toFixed and toLocaleString are not used because they round
 * some halves differently from Java's formatter and depend on the browser's locale. Sizes are decimal
 * (1 kB = 1000 B); separators are English, as the rest of the interface text is.
 */

/** What an unknown figure reads as. */
export const UNKNOWN = '–';

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
const BITRATE_UNITS = ['b/s', 'kb/s', 'Mb/s', 'Gb/s'];

type Maybe = number | null | undefined;

function known(value: Maybe): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** `scaled` / 10^digits, written with exactly `digits` decimals. */
function decimal(scaled: number, digits: 1 | 2): string {
  const factor = digits === 1 ? 10 : 100;
  return `${Math.floor(scaled / factor)}.${String(scaled % factor).padStart(digits, '0')}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** One decimal under 10, whole numbers under 1000, then the next unit up (base 1000). */
function scaled(value: number, units: string[]): string {
  let unit = 0;
  let shown = value;
  for (;;) {
    const tenths = Math.round(shown * 10);
    if (unit > 0 && tenths < 100) {
      return `${decimal(tenths, 1)} ${units[unit]}`;
    }
    const whole = Math.round(shown);
    if (whole < 1000 || unit === units.length - 1) {
      return `${whole} ${units[unit]}`;
    }
    unit++;
    shown = value / Math.pow(1000, unit);
  }
}

/** A span of time: "4.2 s" under 10 s, "45 s" under a minute, "1 min 05 s" under an hour, "1 h 00 min" beyond. */
export function duration(seconds: Maybe): string {
  if (!known(seconds) || seconds < 0) {
    return UNKNOWN;
  }
  const tenths = Math.round(seconds * 10);
  if (tenths < 100) {
    return `${decimal(tenths, 1)} s`;
  }
  const whole = Math.round(seconds);
  if (whole < 60) {
    return `${whole} s`;
  }
  if (whole < 3600) {
    return `${Math.floor(whole / 60)} min ${twoDigits(whole % 60)} s`;
  }
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${twoDigits(minutes % 60)} min`;
}

/** A file size in decimal units: "512 B", "3.1 MB", "42 MB". */
export function size(bytes: Maybe): string {
  return known(bytes) && bytes >= 0 ? scaled(Math.trunc(bytes), SIZE_UNITS) : UNKNOWN;
}

/** A bit rate in decimal units: "850 kb/s", "4.2 Mb/s"; unknown when zero, as ffprobe reports a missing one. */
export function bitrate(bitsPerSecond: Maybe): string {
  return known(bitsPerSecond) && bitsPerSecond > 0 ? scaled(Math.trunc(bitsPerSecond), BITRATE_UNITS) : UNKNOWN;
}

/** Encoding speed as a multiple of real time, as ffmpeg writes it: "0.85x", "12.5x", "150x"; zero is unknown. */
export function speed(timesRealtime: Maybe): string {
  if (!known(timesRealtime) || timesRealtime <= 0) {
    return UNKNOWN;
  }
  const hundredths = Math.round(timesRealtime * 100);
  if (hundredths < 1000) {
    return `${decimal(hundredths, 2)}x`;
  }
  const tenths = Math.round(timesRealtime * 10);
  return tenths < 1000 ? `${decimal(tenths, 1)}x` : `${Math.round(timesRealtime)}x`;
}

/** Frames per second: "2.5 fps" under 10, "24 fps" above; zero is unknown (ffmpeg's first reports say 0). */
export function fps(framesPerSecond: Maybe): string {
  if (!known(framesPerSecond) || framesPerSecond <= 0) {
    return UNKNOWN;
  }
  const tenths = Math.round(framesPerSecond * 10);
  return tenths < 100 ? `${decimal(tenths, 1)} fps` : `${Math.round(framesPerSecond)} fps`;
}

/** The whole percentage of a fraction, rounded down so that 100 means done; clamped to 0..100. */
export function wholePercent(fraction: number): number {
  const clamped = Number.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
  // The small allowance keeps 0.29 (28.999999999999996 after multiplying) at 29.
  return Math.floor(clamped * 100 + 1e-9);
}

/** Progress as "42 %", rounded down: "99 %" for 0.996. */
export function percent(fraction: number): string {
  return `${wholePercent(fraction)} %`;
}

/** A count of things with thousands grouped: "7", "1,234". */
export function count(value: Maybe): string {
  if (!known(value)) {
    return UNKNOWN;
  }
  const digits = String(Math.abs(Math.trunc(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${grouped}` : grouped;
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

function parts(date: Date, timeZone?: string): Parts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const found = {} as Parts;
  for (const part of format.formatToParts(date)) {
    if (part.type in { year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1 }) {
      found[part.type as keyof Parts] = part.value;
    }
  }
  return found;
}

/**
 * How long ago something was heard from, in whole seconds, minutes or hours (rounded to the second first):
 * "just now" under half a second (and for a moment a little in the future, a clock apart), "3 s ago",
 * "2 min ago", "25 h ago".
 */
export function ago(seconds: Maybe): string {
  if (!known(seconds)) {
    return UNKNOWN;
  }
  const whole = Math.round(seconds);
  if (whole < 1) {
    return 'just now';
  }
  if (whole < 60) {
    return `${whole} s ago`;
  }
  if (whole < 3600) {
    return `${Math.floor(whole / 60)} min ago`;
  }
  return `${Math.floor(whole / 3600)} h ago`;
}

/** A moment in the viewer's time zone (or the one given), 24-hour clock: "2026-03-29 03:00:00". */
export function dateTime(value: string | null | undefined, timeZone?: string): string {
  if (!value) {
    return UNKNOWN;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The label of a chart bucket: "03-29 14:00" for an hour, "2026-03-29" for a day. */
export function bucketStart(value: string, hourly: boolean, timeZone?: string): string {
  const p = parts(new Date(value), timeZone);
  return hourly ? `${p.month}-${p.day} ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day}`;
}

export type TimeUnit = { label: 'seconds' | 'minutes' | 'hours'; seconds: number };

/**
 * The unit a chart axis of durations is drawn in, from the largest value on it, so tick labels are small
 * numbers: seconds under 2 minutes, minutes under 2 hours, hours beyond.
 */
export function axisUnit(largestSeconds: number): TimeUnit {
  if (!(largestSeconds >= 120)) {
    return { label: 'seconds', seconds: 1 };
  }
  return largestSeconds < 7200 ? { label: 'minutes', seconds: 60 } : { label: 'hours', seconds: 3600 };
}
