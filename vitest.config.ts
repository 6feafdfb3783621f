import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Integration tests share one Docker engine: run files one at a time there.
    fileParallelism: !process.env['FAULTLINE_SERIAL'],
  },
});
