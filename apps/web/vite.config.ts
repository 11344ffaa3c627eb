import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Module workers: Pyodide loads its runtime with import() in a module worker (a classic one would look for
  // files this Pyodide build does not ship).
  worker: { format: 'es' },
  build: {
    rollupOptions: {
      onwarn(warning, warn) {
        // Radix (inside Excalidraw) marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      }
    }
  },
  server: {
    // `npm run dev`: the API runs separately (`npm start` on 3000) and Vite forwards /api to it.
    proxy: { '/api': { target: process.env.MOCKLOOP_API ?? 'http://localhost:3000', changeOrigin: false } }
  }
});
