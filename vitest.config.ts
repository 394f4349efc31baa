import { defineConfig } from 'vitest/config';

// Unit (pure shared/domain) and integration (services on a real SQLite file) tests.
// End-to-end tests run under Playwright, not here.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
