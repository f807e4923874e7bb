import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ago, axisUnit, bitrate, bucketStart, count, dateTime, duration, fps, percent, size, speed } from './format';

/** The table shared-model's FormatsTest runs too: the TypeScript and Java copies agree when both pass. */
const TABLE_PATH = resolve(__dirname, '../../shared-model/src/test/resources/format-cases.json');

type Case = { in: number | string | null; out: string; zone?: string; hourly?: boolean };

const table = JSON.parse(readFileSync(TABLE_PATH, 'utf8')) as Record<string, Case[] | string>;

const sections: Record<string, (c: Case) => string> = {
  duration: (c) => duration(c.in as number | null),
  size: (c) => size(c.in as number | null),
  bitrate: (c) => bitrate(c.in as number | null),
  speed: (c) => speed(c.in as number | null),
  fps: (c) => fps(c.in as number | null),
  percent: (c) => percent(c.in as number),
  count: (c) => count(c.in as number),
  ago: (c) => ago(c.in as number | null),
  dateTime: (c) => dateTime(c.in as string | null, c.zone),
  bucketStart: (c) => bucketStart(c.in as string, c.hourly ?? true, c.zone),
  axisUnit: (c) => axisUnit(c.in as number).label,
};

const cases = Object.entries(table)
  .filter(([section]) => section !== 'about')
  .flatMap(([section, entries]) => (entries as Case[]).map((entry) => [section, entry] as const));

describe('the shared table of figures', () => {
  it.each(cases)('%s(%j)', (section, entry) => {
    const format = sections[section];
    expect(format, `a formatter for section ${section}`).toBeDefined();
    expect(format(entry)).toBe(entry.out);
  });

  it('covers every formatter', () => {
    expect(Object.keys(table).filter((key) => key !== 'about').sort()).toEqual(Object.keys(sections).sort());
  });
});

describe('dates without a zone', () => {
  it('use the viewer’s zone and keep text that is no date', () => {
    expect(dateTime('2026-12-01T23:44:55Z')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(dateTime('not a date')).toBe('not a date');
  });
});
