/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The local cloud (`./kinora up`) serves the API, media and websocket on one origin, as the CDN does in AWS.
const localCloud = process.env.KINORA_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: localCloud, changeOrigin: false },
      '/media': { target: localCloud, changeOrigin: false },
      '/ws': { target: localCloud, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    // Files share one worker and module graph: much faster on small machines; tests reset what they touch.
    pool: 'threads',
    isolate: false,
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
