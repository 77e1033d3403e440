import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: '@ioc/tests',
    // A replay of a whole simulated day takes seconds, not the default 5.
    exclude: ['e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
