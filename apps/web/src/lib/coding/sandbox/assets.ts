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
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { cache: 'force-cache' });
  if (!response.ok) throw new Error(`Could not load ${url} (${response.status}).`);
  return response;
}

let workerSource: Promise<string> | null = null;
let pyodideFiles: Promise<SandboxAssets['files']> | null = null;

function loadWorkerSource(): Promise<string> {
  // The build's version in the query: a new release never runs an old worker from the cache.
  workerSource ??= fetchOk(`${SANDBOX_WORKER}?v=${encodeURIComponent(version)}`).then((r) => r.text());
  workerSource.catch(() => (workerSource = null));
  return workerSource;
}

function loadPyodideFiles(): Promise<SandboxAssets['files']> {
  pyodideFiles ??= Promise.all(
    PYODIDE_FILES.map(
      async (name) =>
        [name, await (await fetchOk(`${PYODIDE_PATH}${name}?v=${encodeURIComponent(version)}`)).arrayBuffer()] as const
    )
  ).then((entries) => Object.fromEntries(entries));
  pyodideFiles.catch(() => (pyodideFiles = null));
  return pyodideFiles;
}

export async function sandboxAssets(language: SandboxLanguage): Promise<SandboxAssets> {
  const [source, files] = await Promise.all([loadWorkerSource(), language === 'python' ? loadPyodideFiles() : {}]);
  return { workerSource: source, files };
}

/** Starts fetching the worker's script early, so a sandbox can start even if the network goes away. */
export function prefetchSandbox(): void {
  void loadWorkerSource().catch(() => {});
}
