/** A test server with a design prompt and two signed-up users, for the session engine's API tests. */
import { afterAll, beforeAll, expect } from 'vitest';
import { designFixture } from './fixtures.ts';
import { client, startTestServer } from './server.ts';

export interface SessionApi {
  server: Awaited<ReturnType<typeof startTestServer>>;
  owner: ReturnType<typeof client>;
  stranger: ReturnType<typeof client>;
  /** The owner starts a design mock (any length when given: the server allows short sessions here). */
  startSession(durationMin?: number): Promise<{ id: string; [key: string]: unknown } & Record<string, any>>;
}

/** Starts the server before the file's tests and stops it after; the fields are set once `beforeAll` has run. */
export function useSessionApi(): SessionApi {
  const api = {} as SessionApi;
  beforeAll(async () => {
    api.server = await startTestServer({ questions: [designFixture], app: { allowShortSessions: true } });
    api.owner = client(api.server.url);
    api.stranger = client(api.server.url);
    await api.owner.signUp({ email: 'owner@example.com', password: 'owner-pass-1', name: 'Owner' });
    await api.stranger.signUp({ email: 'stranger@example.com', password: 'stranger-pass-1', name: 'Stranger' });
    api.startSession = async (durationMin?: number) => {
      const res = await api.owner.request('POST', '/api/sessions', { questionId: designFixture.id, durationMin });
      expect(res.status).toBe(201);
      return res.json.session;
    };
  });
  afterAll(() => api.server?.close());
  return api;
}
