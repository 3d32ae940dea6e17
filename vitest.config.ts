import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A test that asserts nothing fails: a try/catch that never reaches its expect no longer passes.
    expect: { requireAssertions: true },
  },
});
