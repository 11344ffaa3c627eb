/** A session's recording decoded in the browser into loudness windows, once per page (no outside service). */
import { api, call } from '../api.ts';
import { segmentAudio } from './segment-audio.ts';
import { levels, type LevelTrack } from './talk.ts';

const cache = new Map<string, Promise<LevelTrack[]>>();

async function decode(sessionId: string, segment: number): Promise<Float32Array> {
  const blob = await segmentAudio(sessionId, segment);
  // Decoding needs no output device: an offline context of one frame does it.
  const audio = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(await blob.arrayBuffer());
  const mono = new Float32Array(audio.length);
  for (let c = 0; c < audio.numberOfChannels; c++) {
    const channel = audio.getChannelData(c);
    for (let i = 0; i < mono.length; i++) mono[i]! += channel[i]! / audio.numberOfChannels;
  }
  return mono;
}

/** Each segment's levels at its start on the session's clock; empty when nothing was recorded. */
export function recordingLevels(sessionId: string): Promise<LevelTrack[]> {
  let tracks = cache.get(sessionId);
  if (!tracks) {
    tracks = (async () => {
      const recording = await call(api.sessions[':id'].recording.$get({ param: { id: sessionId } }));
      return Promise.all(
        recording.segments.map(async (s) => ({
          startMs: s.startMs,
          levels: levels(await decode(sessionId, s.segment), 48_000)
        }))
      );
    })();
    tracks.catch(() => cache.delete(sessionId));
    cache.set(sessionId, tracks);
  }
  return tracks;
}
