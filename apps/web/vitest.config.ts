import react from '@vitejs/plugin-react'
import { defineProject } from 'vitest/config'

export default defineProject({
  plugins: [react()],
  test: {
    name: '@ioc/web',
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    globalSetup: ['./src/test-global-setup.ts'],
  },
})
