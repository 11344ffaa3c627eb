import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BIG_FILE_BYTES, brotliQuality, precompress } from './precompress.js';

describe('precompress', () => {
  it('writes .br and .gz beside each compressible file, each decoding to the file, and leaves others alone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
    const script = 'export const answer = 42;\n'.repeat(200);
    writeFileSync(path.join(dir, 'app.js'), script);
    writeFileSync(path.join(dir, 'photo.png'), 'not text');
    await precompress(dir);
    expect(zlib.brotliDecompressSync(readFileSync(path.join(dir, 'app.js.br'))).toString()).toBe(script);
    expect(zlib.gunzipSync(readFileSync(path.join(dir, 'app.js.gz'))).toString()).toBe(script);
    expect(existsSync(path.join(dir, 'photo.png.br'))).toBe(false);
  });

  it('gives the best Brotli quality up to a megabyte and quality 9 above it', () => {
    expect(brotliQuality(BIG_FILE_BYTES)).toBe(zlib.constants.BROTLI_MAX_QUALITY);
    expect(brotliQuality(BIG_FILE_BYTES + 1)).toBe(9);
  });

  it('has nothing to do for a folder the build did not make', async () => {
    await expect(precompress(path.join(os.tmpdir(), 'no-such-folder-precompress'))).resolves.toBeUndefined();
  });
});
