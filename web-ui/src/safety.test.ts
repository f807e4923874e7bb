import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    if (statSync(file).isDirectory()) {
      return sources(file);
    }
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('the dashboard never turns text into markup', () => {
  it('readsTheRealSources', () => {
    expect(sources(join(process.cwd(), 'src')).length).toBeGreaterThan(20);
  });

  it.each(['dangerouslySetInnerHTML', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval('])('hasNo %s in its sources', (construct) => {
    const offenders = sources(join(process.cwd(), 'src')).filter((file) => readFileSync(file, 'utf8').includes(construct));
    expect(offenders).toEqual([]);
  });
});
