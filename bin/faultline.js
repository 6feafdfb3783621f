#!/usr/bin/env node
// The CLI entry point: runs the compiled CLI (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('faultline is not built: run `npm ci` (or `npm run build`) in its folder first.\n');
  process.exit(255);
}
await import(main.href);
