/**
 * The build's precompressed copies (.br and .gz beside each asset, which the server sends to a browser that accepts
 * them), as SvelteKit's adapter makes them but for one setting: a file over BIG_FILE_BYTES gets Brotli at quality 9
 * instead of 11. Measured on this build: Pyodide's 9.6 MB WebAssembly took 38 s at 11 (2.74 MB) and 1.9 s at 9
 * (3.10 MB), Monaco's 7 MB TypeScript worker 13 s and 0.5 s (1.11 and 1.22 MB); those two alone were most of the
 * build's last 45 s, on every `npm test` and every first `npm start`. Files under it keep the best quality.
 */
import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** SvelteKit's own list (kit/src/core/adapt/builder.js). */
const EXTENSIONS = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.wasm', '.txt', '.md', '.mdx']);
export const BIG_FILE_BYTES = 1_000_000;

/** @param {number} size */
export function brotliQuality(size) {
  return size > BIG_FILE_BYTES ? 9 : zlib.constants.BROTLI_MAX_QUALITY;
}

/** @param {string} directory */
function listFiles(directory) {
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name))) files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

/** @param {string} file @param {'br' | 'gz'} format */
async function compressFile(file, format) {
  const size = statSync(file).size;
  const compressor =
    format === 'br'
      ? zlib.createBrotliCompress({
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(size),
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size
          }
        })
      : zlib.createGzip({ level: zlib.constants.Z_BEST_COMPRESSION });
  await pipeline(createReadStream(file), compressor, createWriteStream(`${file}.${format}`));
}

/** Writes file.br and file.gz beside every compressible file under `directory` (a missing folder is nothing to do). */
export async function precompress(directory) {
  let files;
  try {
    files = listFiles(directory);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return;
    throw error;
  }
  await Promise.all(files.flatMap((file) => [compressFile(file, 'gz'), compressFile(file, 'br')]));
}
