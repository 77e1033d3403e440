import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: '@ioc/e2e',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // One browser at a time: two cores, and each test drives a whole server and Chromium.
    fileParallelism: false,
    // A wall test waits for software-rendered frames: 150 s for one on a slow day of the CI machine.
    testTimeout: 300_000,
    hookTimeout: 240_000,
  },
})
