// The report's browser code is bundled into reports/report-client-script.ts (generated, committed):
// it must be what the sources bundle to now, type-check with DOM types, and stay safe to inline.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportClientScript } from '../../../../reports/report-client-script.js';

const root = resolve(import.meta.dirname, '../../../..');

describe('the bundled report client', () => {
  it('is what reports/client bundles to now (else run npm run build:client)', () => {
    expect(() =>
      execFileSync(process.execPath, [resolve(root, 'scripts/bundle-report-client.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('type-checks against the DOM (reports/client/tsconfig.json)', () => {
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    expect(() =>
      execFileSync(process.execPath, [tsc, '-p', resolve(root, 'reports/client')], { stdio: 'pipe' }),
    ).not.toThrow();
  }, 60_000);

  it('is one syntactically valid script', () => {
    expect(() => new Function(reportClientScript)).not.toThrow();
  });

  it('cannot end its script element and never assigns markup', () => {
    expect(reportClientScript.toLowerCase()).not.toContain('</script');
    expect(reportClientScript).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('imports nothing and fetches nothing at run time', () => {
    expect(reportClientScript).not.toMatch(/\bimport\s*\(|\brequire\(|\bfetch\(|XMLHttpRequest/);
  });
});
