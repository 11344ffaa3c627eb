/** The server's answer when a write would break a unique index: a race another writer won, never a crash. */
import { MongoServerError } from 'mongodb';

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/**
 * Runs a write and reports whether it collided with a unique key (true) instead of throwing; other errors throw.
 *
 * @example
 * if (await collidesOnKey(users.insertOne(doc))) throw emailTaken();
 */
export async function collidesOnKey(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return false;
  } catch (error) {
    if (isDuplicateKey(error)) return true;
    throw error;
  }
}
