// docs/architecture.md states the layers exactly as the architecture test enforces them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowed, layers } from '../../support/layers.js';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/architecture.md'), 'utf8');

/** The rows of the table between the layers:start and layers:end markers: [layer, path, imports]. */
function documentedRows(): string[][] {
  const table = /<!-- layers:start -->([\s\S]*?)<!-- layers:end -->/.exec(doc)?.[1] ?? '';
  return table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('docs/architecture.md', () => {
  it('lists every layer with its path and allowed imports, as enforced', () => {
    const enforced = layers.map(([prefix, layer]) => [
      layer,
      `\`${prefix}\``,
      allowed[layer]!.length === 0 ? '(nothing local)' : allowed[layer]!.join(', '),
    ]);
    expect(documentedRows()).toEqual(enforced);
  });
});
