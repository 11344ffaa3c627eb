import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { precompress } from './scripts/precompress.js';

/** adapter-node with precompressed assets made by our own step (scripts/precompress.js: big files at Brotli 9). */
function nodeAdapter() {
  const node = adapter({ out: 'build', precompress: true });
  return { ...node, adapt: (builder) => node.adapt({ ...builder, compress: precompress }) };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: nodeAdapter(),
    // The API's same-origin check guards /api; SvelteKit serves pages only.
    csrf: { trustedOrigins: [] },
    // SvelteKit adds the hashes of its own inline scripts. Everything loads from our origin; styles may be
    // inline (Svelte transitions, Excalidraw); WebAssembly (Pyodide) and blob workers (Excalidraw fonts) run.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'worker-src': ['self', 'blob:'],
        // The replay plays a recording's segments from blobs fetched from the API.
        'media-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    }
  }
};

export default config;
