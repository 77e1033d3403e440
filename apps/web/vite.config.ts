import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// In development the server (apps/server) runs beside Vite; in production it serves dist/ itself.
const server = process.env.IOC_SERVER_URL ?? 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // scripts/report-bundle.ts reads the manifest to size what /wall loads first.
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // One long-cached chunk for the map engines, shared by the wall and the desk map.
          groups: [
            // Vite's lazy-import helper, on its own: left to chance it lands in the map engine's chunk,
            // and every page with a lazy import (the citizens' /report) then downloads the map engine.
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 2 },
            {
              name: 'map-engine',
              test: /node_modules[\\/].*(maplibre-gl|@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
})
