/**
 * A typing candidate's place in their session, for drafts (one every 80 ms or so): read once in `freshMs` rather than
 * on each draft, and read again in the background after that while the last answer, up to `maxAgeMs` old, still
 * serves. So a draft waits on the database only when its sender has been quiet for `maxAgeMs`, and a busy database
 * slows no keystroke. A session that ended meanwhile takes drafts for at most `maxAgeMs` more (the policy checks its
 * deadline on each; a draft is never kept, and autosave refuses a save after the end).
 *
 * @example
 * const access = createDraftAccess((user, id) => sessions.getReadable(user, id), () => Date.now());
 * const { doc, role } = await access.get(user, id);
 */
import type { SessionDoc, SignedInUser } from '../../db/client.ts';

export interface DraftAccessOptions {
  freshMs?: number;
  maxAgeMs?: number;
  /** People remembered at once (forgotten all together past this). */
  maxEntries?: number;
}

type Place = { doc: SessionDoc; role: 'owner' | 'reviewer' };

export function createDraftAccess(
  read: (user: SignedInUser, id: string) => Promise<Place>,
  now: () => number,
  { freshMs = 3000, maxAgeMs = 10_000, maxEntries = 10_000 }: DraftAccessOptions = {}
) {
  const entries = new Map<string, { place: Place; at: number; reading: boolean }>();

  async function load(user: SignedInUser, id: string, key: string): Promise<Place> {
    const at = now();
    const place = await read(user, id);
    if (entries.size >= maxEntries && !entries.has(key)) entries.clear();
    entries.set(key, { place, at, reading: false });
    return place;
  }

  return {
    /** The person's place in the session, as last read; throws what the read throws when none may serve. */
    async get(user: SignedInUser, id: string): Promise<Place> {
      const key = `${id}:${user._id.toHexString()}`;
      const entry = entries.get(key);
      const age = entry ? now() - entry.at : Infinity;
      if (!entry || age >= maxAgeMs) return load(user, id, key);
      if (age >= freshMs && !entry.reading) {
        entry.reading = true;
        // Refused now (the session is gone, say): forgotten, so the next draft reads and is refused too.
        load(user, id, key).catch(() => entries.delete(key));
      }
      return entry.place;
    }
  };
}

export type DraftAccess = ReturnType<typeof createDraftAccess>;
