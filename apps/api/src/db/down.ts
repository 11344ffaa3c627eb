/**
 * Whether an error means the database is not answering (stopped, killed, restarting, unreachable), which the API
 * reports as 503 with Retry-After, never as a 500. The driver's own classes say so (a network error covers a
 * dropped socket, a timeout and a cleared pool); a wrapped error is looked through to its cause. A write to a socket
 * the killed server had already closed can surface as Node's own EPIPE (or a reset) error, not the driver's.
 */
import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError
} from 'mongodb';

const DOWN = [
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoTopologyClosedError
];
const SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

export function isDatabaseDown(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (DOWN.some((type) => e instanceof type)) return true;
    if (SOCKET_CODES.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}
