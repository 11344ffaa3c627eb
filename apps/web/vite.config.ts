import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { excalidrawSelfHosted } from './vite-plugins/excalidraw-self-hosted.ts';
import { excalidrawSubsetChunk } from './vite-plugins/excalidraw-subset-chunk.ts';

export default defineConfig({
  plugins: [excalidrawSelfHosted(), sveltekit()],
  // Monaco's workers as modules. (The code sandbox's worker is built apart, by scripts/build-sandbox.js.)
  worker: { format: 'es' },
  build: {
    rollupOptions: {
      // Excalidraw's font subset worker in a chunk of its own, so it runs (an SVG export with no CSP error).
      output: { manualChunks: excalidrawSubsetChunk() },
      onwarn(warning, warn) {
        // Radix (inside Excalidraw) marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      }
    }
  },
  server: {
    // `npm run dev`: the API runs separately (`npm start` on 3000) and Vite forwards /api to it.
    // The code sandbox's document comes from the API process too (apps/api/src/sandbox/document.ts).
    proxy: Object.fromEntries(
      ['/api', '/sandbox/runner.html'].map((path) => [
        path,
        { target: process.env.MOCKLOOP_API ?? 'http://localhost:3000', changeOrigin: false }
      ])
    )
  }
});
