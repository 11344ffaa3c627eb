/// <reference lib="webworker" />
// The code sandbox's worker (built to /sandbox/worker.js; the sandbox document starts it from a blob). It
// loads one language's runtime from the bytes the page sent, removes its own ways out, then runs the
// candidate's code on the inputs the page sends and returns the outputs. It never sees an expected output:
// the page judges. Everything here runs at an opaque origin under a policy that allows no request.
import { PYODIDE_PATH, type PyodideFile } from '@mockloop/contracts/sandbox';
import { calibrationLoop } from '@mockloop/question-bank/harness/calibration-loop';
import { createJsRuntime } from '@mockloop/question-bank/harness/js-runtime';
import { createPythonRuntime, PYTHON_PACKAGES, type PyodideLike } from '@mockloop/question-bank/harness/python-runtime';
import { callCase, codeError } from '@mockloop/question-bank/harness/run';
import { transpileTypeScript } from '@mockloop/question-bank/harness/transpile';
import type { PreparedSolution, Problem, Runtime } from '@mockloop/question-bank/harness/types';
import { lockDown } from './lockdown.ts';
import { SANDBOX_LANGUAGES, type SandboxLanguage, type SandboxReply, type SandboxRequest } from './protocol.ts';

declare const self: WorkerGlobalScope & typeof globalThis;

type Files = Partial<Record<PyodideFile, ArrayBuffer>>;

/** A module made from bytes, imported from a blob URL (the policy allows blobs and nothing else). */
function importBytes(bytes: ArrayBuffer | undefined, name: string): Promise<unknown> {
  if (!bytes) throw new Error(`The page sent no ${name}.`);
  return import(/* @vite-ignore */ URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
}

/** Pyodide's memory just after its boot, made by this worker for the page to hand the next Python sandboxes. */
let madeSnapshot: ArrayBuffer | undefined;
/** Whether Pyodide was restored from the page's snapshot (said in the load's answer, for the page's marks). */
let restored = false;

/**
 * Pyodide from the page's bytes: its loader and runtime modules from blobs, and its WebAssembly, standard
 * library and lock file through a fetch that answers from memory only (there is no network to fall back to).
 * With `snapshot` (what an earlier sandbox made), Pyodide's memory is restored from it instead of booted, a
 * fraction of the boot's time; without one, the boot's memory is snapshotted before any package or code, for the
 * page to keep (`madeSnapshot`).
 */
async function loadPython(files: Files, snapshot?: ArrayBuffer): Promise<Runtime> {
  const base = `https://pyodide.invalid${PYODIDE_PATH}`;
  const served = (url: string): Response => {
    const name = url.startsWith(base) ? (url.slice(base.length) as PyodideFile) : null;
    const bytes = name ? files[name] : undefined;
    if (!bytes) throw new TypeError(`Not available in the sandbox: ${url}`);
    const type = name!.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(bytes, { headers: { 'Content-Type': type } });
  };
  Object.defineProperty(self, 'fetch', {
    value: async (input: RequestInfo | URL) => served(typeof input === 'string' ? input : String(input)),
    configurable: true,
    writable: true
  });
  // Pyodide refuses classic workers by probing importScripts; none is needed here.
  Object.defineProperty(self, 'importScripts', { value: undefined, configurable: true, writable: true });
  const { loadPyodide } = (await importBytes(files['pyodide.mjs'], 'pyodide.mjs')) as {
    loadPyodide(options: object): Promise<PyodideLike>;
  };
  const asm = (await importBytes(files['pyodide.asm.mjs'], 'pyodide.asm.mjs')) as { default: unknown };
  const lock = new TextDecoder().decode(files['pyodide-lock.json']);
  const options = {
    indexURL: base,
    // The lock file names the wheels beside Pyodide by file name only.
    packageBaseUrl: base,
    createPyodideModule: asm.default,
    lockFileContents: lock
  };
  // `_loadSnapshot` and `_makeSnapshot` are marked internal in Pyodide's types; Cloudflare's Python Workers start so.
  let pyodide = snapshot
    ? await loadPyodide({ ...options, _loadSnapshot: new Uint8Array(snapshot) }).catch(() => null)
    : null;
  restored = pyodide !== null;
  if (!pyodide) {
    pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
    // Before any package: a package's JavaScript handles cannot be snapshotted ("Unexpected hiwire entry").
    try {
      const bytes = (pyodide as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
      madeSnapshot = bytes.slice().buffer;
    } catch {
      madeSnapshot = undefined;
    }
  }
  // LeetCode's sortedcontainers, from the wheel the page sent; a failure leaves the rest of Python working.
  // Its progress messages are dropped; a failure is still logged to the console.
  await (pyodide as unknown as { loadPackage(names: string[], options: object): Promise<unknown> })
    .loadPackage(PYTHON_PACKAGES, { messageCallback: () => {} })
    .catch(() => {});
  return createPythonRuntime(pyodide);
}

async function loadRuntime(language: SandboxLanguage, files: Files, snapshot?: ArrayBuffer): Promise<Runtime> {
  if (language === 'javascript') return createJsRuntime();
  if (language === 'typescript') return createJsRuntime(transpileTypeScript, 'typescript');
  return loadPython(files, snapshot);
}

function serve(port: MessagePort, language: SandboxLanguage, files: Files, snapshot?: ArrayBuffer): void {
  const reply = (message: SandboxReply, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  const runtime = loadRuntime(language, files, snapshot).then((loaded) => {
    lockDown(self);
    return loaded;
  });
  let prepared: { code: string; solution: Promise<PreparedSolution> } | null = null;
  const prepare = (ready: Runtime, code: string, signature: unknown): Promise<PreparedSolution> => {
    if (prepared?.code !== code) prepared = { code, solution: ready.prepare(code, { signature } as Problem) };
    return prepared.solution;
  };

  port.onmessage = async (event: MessageEvent<SandboxRequest>) => {
    const request = event.data;
    try {
      const ready = await runtime;
      if (request.type === 'load') {
        // The snapshot goes with the first answer to a load only, before any of the candidate's code has run here.
        const made = madeSnapshot;
        madeSnapshot = undefined;
        return made
          ? reply({ id: request.id, type: 'loaded', snapshot: made }, [made])
          : reply({ id: request.id, type: 'loaded', ...(restored ? { restored } : {}) });
      }
      if (request.type === 'loop') {
        calibrationLoop();
        return reply({ id: request.id, type: 'looped' });
      }
      let solution: PreparedSolution;
      try {
        solution = await prepare(ready, request.code, request.signature);
      } catch (error) {
        if (request.type === 'prepare') return reply({ id: request.id, type: 'prepared', error: codeError(error) });
        return reply({ id: request.id, type: 'called', ok: false, stdout: '', error: codeError(error) });
      }
      if (request.type === 'prepare') return reply({ id: request.id, type: 'prepared' });
      // Untimed here: the page times the call, where the candidate's code cannot reach its clock.
      const outcome = await callCase(solution, request.input, {
        ...(request.vary === undefined ? {} : { vary: request.vary }),
        ...(request.repeat === undefined ? {} : { repeat: request.repeat })
      });
      reply({ id: request.id, type: 'called', ...outcome });
    } catch (error) {
      reply({ id: request.id, type: 'failed', message: String((error as Error)?.message ?? error) });
    }
  };
}

self.onmessage = (
  event: MessageEvent<{ type?: string; language?: SandboxLanguage; files?: Files; snapshot?: unknown }>
) => {
  const [port] = event.ports;
  const { type, language, files, snapshot } = event.data ?? {};
  if (!port || type !== 'init' || !language || !SANDBOX_LANGUAGES.includes(language)) return;
  self.onmessage = null;
  serve(port, language, files ?? {}, snapshot instanceof ArrayBuffer ? snapshot : undefined);
};
