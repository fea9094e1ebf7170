import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: OCR-heavy files would starve each other if run all at once.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
