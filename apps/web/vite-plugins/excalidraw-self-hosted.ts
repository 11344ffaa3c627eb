/**
 * Excalidraw lists every font twice: at `window.EXCALIDRAW_ASSET_PATH` and at a CDN (esm.sh) fallback. Chromium
 * checks each listed source against the CSP as it registers the font, so our policy logged one error per font
 * (about 230 a page) even though the fonts came from us. This plugin rewrites the fallback to our own copy
 * (scripts/copy-vendor-assets.js), so no CDN address is left in the bundle; it fails the build when Excalidraw
 * moves the line, rather than letting the CDN back in silently.
 */
import type { Plugin } from 'vite';

/** Where copy-vendor-assets.js puts Excalidraw's `fonts/` folder, under the app's static files. */
export const EXCALIDRAW_ASSETS_PATH = '/excalidraw-assets/';

const FALLBACK = /`https:\/\/esm\.sh\/\$\{[^`]*`[^`]*`[^`]*\}\/dist\/prod\/`/;
const REPLACEMENT = `(globalThis.location?.origin ?? "") + ${JSON.stringify(EXCALIDRAW_ASSETS_PATH)}`;

/** The rewrite itself, separate from Vite so it can be tested on the installed Excalidraw. */
export function selfHostExcalidrawAssets(code: string): string | null {
  if (!code.includes('ASSETS_FALLBACK_URL')) return null;
  if (!FALLBACK.test(code)) {
    throw new Error("Excalidraw's ASSETS_FALLBACK_URL changed shape: update vite-plugins/excalidraw-self-hosted.ts");
  }
  return code.replace(FALLBACK, REPLACEMENT);
}

export function excalidrawSelfHosted(): Plugin {
  return {
    name: 'mockloop:excalidraw-self-hosted',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist/')) return null;
      const rewritten = selfHostExcalidrawAssets(code);
      return rewritten === null ? null : { code: rewritten, map: null };
    }
  };
}
