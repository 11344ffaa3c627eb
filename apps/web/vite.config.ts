import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // `npm run dev`: the API runs separately (`npm start` on 3000) and Vite forwards /api to it.
    proxy: { '/api': { target: process.env.MOCKLOOP_API ?? 'http://localhost:3000', changeOrigin: false } }
  }
});
