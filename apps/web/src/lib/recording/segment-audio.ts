/** One segment of a session's recording, fetched through the typed client: its audio as a blob. */
import { api } from '../api.ts';

export async function segmentAudio(sessionId: string, segment: number): Promise<Blob> {
  const res = await api.sessions[':id'].recording[':segment'].$get({
    param: { id: sessionId, segment: String(segment) }
  });
  if (!res.ok) throw new Error(`The recording could not be loaded (${res.status}).`);
  return res.blob();
}
