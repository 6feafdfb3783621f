// Starts Debian's chromium (never a downloaded browser) headless for report tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['FAULTLINE_CHROMIUM'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why browser tests cannot run, or undefined when chromium is there. When it is missing, tries
 * scripts/ensure-chromium once (it installs Debian's package when it can).
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  try {
    execFileSync(resolve(import.meta.dirname, '../../../scripts/ensure-chromium'), { stdio: 'inherit' });
  } catch {
    // Reported below.
  }
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} is missing and scripts/ensure-chromium could not install it: report browser tests are skipped`;
}

/** A persistent context with a fresh profile directory; close it when done. */
export async function launchChromium(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'faultline-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}
