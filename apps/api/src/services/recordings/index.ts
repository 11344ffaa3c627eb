/**
 * A session's voice recording: the owner uploads it chunk by chunk while recording (each acknowledged, a retry
 * stored once), within a per-session byte limit; the owner and the session's reviewers list and play it.
 *
 * @example
 * const recordings = createRecordingService({ repos, sessions });
 * await recordings.saveChunk(user, sessionId, { segment: 0, seq: 0, startMs: 0, durationMs: 1000, data });
 */
import {
  MAX_RECORDING_BYTES,
  MAX_USER_RECORDING_BYTES,
  RECORDING_MIME_TYPE,
  type Recording,
  type RecordingChunkAck,
  type RecordingChunkBody
} from '@mockloop/contracts';
import type { ObjectId } from 'mongodb';
import type { SignedInUser } from '../../db/client.ts';
import type { Repositories } from '../../db/repositories.ts';
import { ApiError, notFound } from '../../errors.ts';
import type { SessionService } from '../sessions/index.ts';
import { mayRecord, sessionLocked } from '../sessions/policy.ts';
import { segmentsOf } from './segments.ts';

export interface RecordingServiceOptions {
  repos: Repositories;
  sessions: Pick<SessionService, 'get' | 'getReadable'>;
  /** The most a session's recording may hold, in bytes. */
  limitBytes?: number;
  /** The most one person's recordings may hold together, in bytes. */
  userLimitBytes?: number;
  /** Whether the session's call may be recorded now (both sides agreed; the live room owns that rule). */
  callRecordingAllowed?: (sessionId: ObjectId) => Promise<boolean>;
  now?: () => Date;
}

export function recordingTooLarge(limitBytes: number): ApiError {
  const mb = Math.round(limitBytes / 1024 / 1024);
  return new ApiError(
    413,
    'RECORDING_TOO_LARGE',
    `This session's recording has reached its ${mb} MB limit. What was recorded so far is kept; nothing more is added.`
  );
}

/** Past the person's allowance for all their recordings together. */
export function recordingsFull(userLimitBytes: number): ApiError {
  const gb = (userLimitBytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '');
  return new ApiError(
    413,
    'RECORDING_TOO_LARGE',
    `Your recordings together have reached your ${gb} GB allowance. Delete an older session's recording to record again; what was recorded so far is kept.`
  );
}

/** The key of a person's audio allowance in `usage`. */
const audioKey = (userId: ObjectId) => `${userId.toHexString()}:audio`;

export function createRecordingService(options: RecordingServiceOptions) {
  const { repos, sessions, limitBytes, userLimitBytes, callRecordingAllowed, now } = {
    limitBytes: MAX_RECORDING_BYTES,
    userLimitBytes: MAX_USER_RECORDING_BYTES,
    callRecordingAllowed: async () => false,
    now: () => new Date(),
    ...options
  };
  const { recordings } = repos;

  /** Deletes a session's recording and gives its bytes back to its candidate's allowance; answers the chunks. */
  async function removeOf(doc: { _id: ObjectId; userId: ObjectId }): Promise<number> {
    const bytes = await recordings.bytes(doc._id);
    const deleted = await recordings.deleteForSession(doc._id);
    await repos.usage.release(audioKey(doc.userId), bytes);
    return deleted;
  }

  return {
    async saveChunk(user: SignedInUser, id: string, body: RecordingChunkBody): Promise<RecordingChunkAck> {
      const doc = await sessions.get(user, id);
      const { segment, seq } = body;
      const ack = (stored: boolean, bytes: number) => ({ segment, seq, stored, bytes, limitBytes });
      // A retry of a chunk already stored is acknowledged again, whatever happened since (the session ended).
      if (await recordings.hasChunk(doc._id, segment, seq)) return ack(false, await recordings.bytes(doc._id));
      // The last chunks in flight at the end still count; the server's clock decides, not the chunk's startMs.
      if (!mayRecord(doc, now(), body.startMs)) {
        throw sessionLocked('This session has ended: audio arriving now is no longer added to its recording.');
      }
      if (body.source === 'call' && !(await callRecordingAllowed(doc._id))) {
        throw new ApiError(
          403,
          'FORBIDDEN',
          'The call is recorded only while both you and the interviewer agree. Nothing was stored.'
        );
      }
      const data = Buffer.from(body.data, 'base64');
      const total = await recordings.reserve(doc._id, data.length, limitBytes);
      if (total === null) throw recordingTooLarge(limitBytes);
      const owner = audioKey(doc.userId);
      if ((await repos.usage.reserve(owner, data.length, userLimitBytes)) === null) {
        await recordings.release(doc._id, data.length);
        throw recordingsFull(userLimitBytes);
      }
      const { data: _data, source: _source, ...info } = body;
      const stored = await recordings.insertChunk(doc._id, { ...info, bytes: data.length, at: new Date() }, data);
      if (stored) return ack(true, total);
      // Another request stored the same chunk meanwhile: count it once.
      await recordings.release(doc._id, data.length);
      await repos.usage.release(owner, data.length);
      return ack(false, total - data.length);
    },

    async read(user: SignedInUser, id: string): Promise<Recording> {
      const { doc } = await sessions.getReadable(user, id);
      const segments = segmentsOf(await recordings.chunks(doc._id));
      const bytes = segments.reduce((sum, s) => sum + s.bytes, 0);
      return { segments, bytes, limitBytes, mimeType: RECORDING_MIME_TYPE };
    },

    /** One segment's audio, a WebM stream from its first chunk. */
    async segment(user: SignedInUser, id: string, segment: number): Promise<Buffer> {
      const { doc } = await sessions.getReadable(user, id);
      const bytes = await recordings.segmentBytes(doc._id, segment);
      if (!bytes) throw notFound('That recording segment');
      return bytes;
    },

    /** Deletes a session's recording with no check of who asks: the caller has decided (deleting a session). */
    removeOf,

    /** Deletes the whole recording (the owner only); answers how many chunks went. */
    async remove(user: SignedInUser, id: string): Promise<number> {
      return removeOf(await sessions.get(user, id));
    }
  };
}

export type RecordingService = ReturnType<typeof createRecordingService>;
