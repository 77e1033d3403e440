import { defineConfig } from 'vitest/config'

// Every package's tests run from the root; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'fixtures', 'tests', 'tests/e2e'],
  },
})
