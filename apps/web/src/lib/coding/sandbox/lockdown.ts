/// <reference lib="webworker" />
/**
 * A second layer behind the sandbox's Content-Security-Policy: once the runtime has loaded, the worker's ways
 * to reach the network or storage are removed, so the candidate's code finds them undefined. The policy is
 * what actually blocks requests; this only makes the attempt fail early and plainly.
 */
const NETWORK_AND_STORAGE = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'indexedDB',
  'caches',
  'BroadcastChannel',
  'SharedWorker',
  'Worker',
  'Request',
  'Response'
] as const;

function seal(target: object, name: string): void {
  try {
    Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
  } catch {
    // A property the engine does not let us redefine stays; the policy still blocks what it would reach.
  }
}

export function lockDown(scope: WorkerGlobalScope & typeof globalThis): void {
  for (let proto: object | null = scope; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of NETWORK_AND_STORAGE) {
      if (Object.prototype.hasOwnProperty.call(proto, name) && proto !== scope) Reflect.deleteProperty(proto, name);
    }
  }
  for (const name of NETWORK_AND_STORAGE) seal(scope, name);
  seal(scope, 'importScripts');
}
