/** Ids from the outside world: only a 24-character hex string names a document; anything else names none. */
import { ObjectId } from 'mongodb';

/**
 * The ObjectId a path parameter names, or null when it cannot name one (the caller answers 404, as for a
 * stranger's id). `ObjectId.isValid` alone also accepts any 12-character string.
 *
 * @example
 * const _id = parseObjectId(inviteId);
 * if (!_id) throw notFound('That invite');
 */
export function parseObjectId(id: string): ObjectId | null {
  return id.length === 24 && ObjectId.isValid(id) ? new ObjectId(id) : null;
}

export function newId(): ObjectId {
  return new ObjectId();
}
