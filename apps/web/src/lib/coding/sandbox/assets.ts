/**
 * What the page hands a sandbox: the worker's script and, for Python, Pyodide's files. The page fetches them
 * from our origin (where the browser's cache keeps them, so Python runs offline once loaded) and keeps them
 * for its lifetime; the sandbox itself can make no request.
 */
import { version } from '$app/environment';
import { PYODIDE_FILES, PYODIDE_PATH, SANDBOX_WORKER, type PyodideFile } from '@mockloop/contracts/sandbox';
import type { SandboxLanguage } from './protocol.ts';

export interface SandboxAssets {
  workerSource: string;
  files: Partial<Record<PyodideFile, ArrayBuffer>>;
  /** Pyodide's memory as the page's first Python sandbox booted it, once that one is ready (`keepPythonSnapshot`). */
  snapshot?: ArrayBuffer;
}

let pythonSnapshot: ArrayBuffer | undefined;

/**
 * Keeps the Pyodide memory a Python sandbox made as it booted (before any package or code): the next sandboxes
 * (the warm spare, a fresh one after a time-out or for the performance tests) restore it instead of booting. Only a
 * sandbox that booted sends one, so a newer one replaces a snapshot that a sandbox could not restore.
 */
export function keepPythonSnapshot(bytes: ArrayBuffer): void {
  pythonSnapshot = bytes;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { cache: 'force-cache' });
  if (!response.ok) throw new Error(`Could not load ${url} (${response.status}).`);
  return response;
}

let workerSource: Promise<string> | null = null;
let pyodideFiles: Promise<SandboxAssets['files']> | null = null;
/** Who is waiting on Pyodide's download, told the bytes received so far (across its files). */
const downloadListeners = new Set<(bytes: number) => void>();
let downloaded = 0;

/** A response's body, read in chunks so the page can show how much of Python has arrived. */
async function readCounting(response: Response): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    downloaded += next.value.byteLength;
    for (const listener of downloadListeners) listener(downloaded);
  }
  return new Blob(chunks as BlobPart[]).arrayBuffer();
}

function loadWorkerSource(): Promise<string> {
  // The build's version in the query: a new release never runs an old worker from the cache.
  workerSource ??= fetchOk(`${SANDBOX_WORKER}?v=${encodeURIComponent(version)}`).then((r) => r.text());
  workerSource.catch(() => (workerSource = null));
  return workerSource;
}

function loadPyodideFiles(onBytes?: (bytes: number) => void): Promise<SandboxAssets['files']> {
  if (onBytes) downloadListeners.add(onBytes);
  if (!pyodideFiles) {
    downloaded = 0;
    pyodideFiles = Promise.all(
      PYODIDE_FILES.map(
        async (name) =>
          [name, await readCounting(await fetchOk(`${PYODIDE_PATH}${name}?v=${encodeURIComponent(version)}`))] as const
      )
    ).then((entries) => Object.fromEntries(entries));
    pyodideFiles.catch(() => (pyodideFiles = null));
  }
  const files = pyodideFiles;
  if (onBytes) void files.finally(() => downloadListeners.delete(onBytes)).catch(() => {});
  return files;
}

/** The worker's script and the language's files; `onBytes` hears Pyodide's download as it arrives. */
export async function sandboxAssets(
  language: SandboxLanguage,
  onBytes?: (bytes: number) => void
): Promise<SandboxAssets> {
  const [source, files] = await Promise.all([
    loadWorkerSource(),
    language === 'python' ? loadPyodideFiles(onBytes) : {}
  ]);
  return {
    workerSource: source,
    files,
    ...(language === 'python' && pythonSnapshot ? { snapshot: pythonSnapshot } : {})
  };
}

/** Starts fetching the worker's script early, so a sandbox can start even if the network goes away. */
export function prefetchSandbox(): void {
  void loadWorkerSource().catch(() => {});
}
