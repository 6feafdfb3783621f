// The checkers registry matches the folders of checkers/: every folder that exports a Checker is
// registered, and every registered checker is complete (name, description, anomalies, check).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkers } from '../../../checkers/index.js';

const root = resolve(import.meta.dirname, '../../../checkers');

/** Folders of checkers/ holding a file that exports a `Checker` object. */
function checkerFolders(): string[] {
  return readdirSync(root).filter((dir) => {
    const full = join(root, dir);
    if (!statSync(full).isDirectory()) return false;
    return readdirSync(full).some((f) =>
      /export const \w+: Checker</.test(readFileSync(join(full, f), 'utf8')),
    );
  });
}

describe('checkers registry', () => {
  it('registers one checker per folder that defines one', () => {
    const folders = checkerFolders();
    expect(folders.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(checkers)).toHaveLength(folders.length);
  });

  for (const [key, checker] of Object.entries(checkers)) {
    it(`${key} is complete`, () => {
      expect(checker.name).toMatch(/^[a-z-]+$/);
      expect(checker.description.length).toBeGreaterThan(10);
      expect(Object.keys(checker.anomalies).length).toBeGreaterThan(0);
      expect(typeof checker.check).toBe('function');
    });
  }

  it('the small checkers answer an empty history with valid or unknown, never a crash', async () => {
    const results = await Promise.all(
      [checkers.set, checkers.counter, checkers['total-queue'], checkers['unique-ids']].map((c) =>
        c.check([], {}),
      ),
    );
    for (const r of results) expect([true, 'unknown']).toContain(r.valid);
  });
});
