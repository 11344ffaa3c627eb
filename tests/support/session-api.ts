/** A test server with some questions and two signed-up users, for the session engine's API tests. */
import { afterAll, beforeAll } from 'vitest';
import { designFixture } from './fixtures.ts';
import { answer, client, reply, startTestServer, type Answer } from './server.ts';

/** A session as `POST /api/sessions` answers it, typed by the route. */
export type StartedSession = Answer<
  Awaited<ReturnType<ReturnType<typeof client>['api']['sessions']['$post']>>
>['session'];

export interface SessionApi {
  server: Awaited<ReturnType<typeof startTestServer>>;
  owner: ReturnType<typeof client>;
  stranger: ReturnType<typeof client>;
  /** The owner starts a mock on the first question, of the given length or the question's own. */
  startSession(durationMin?: number): Promise<StartedSession>;
  /** The owner autosaves a design note and a one-shape scene whose version follows the revision. */
  saveDesign(sessionId: string, revision: number, design: string): ReturnType<typeof reply>;
}

/** Starts the server before the file's tests and stops it after; the fields are set once `beforeAll` has run. */
type ServerOptions = NonNullable<Parameters<typeof startTestServer>[0]>;

/** By default a design prompt on a server that allows short sessions. */
export function useSessionApi(
  options: Pick<ServerOptions, 'questions' | 'app'> = { questions: [designFixture], app: { allowShortSessions: true } }
): SessionApi {
  const api = {} as SessionApi;
  const questions = options.questions ?? [designFixture];
  beforeAll(async () => {
    api.server = await startTestServer({ ...options, questions });
    api.owner = client(api.server.url);
    api.stranger = client(api.server.url);
    await api.owner.signUp({ email: 'owner@example.com', password: 'owner-pass-1', name: 'Owner' });
    await api.stranger.signUp({ email: 'stranger@example.com', password: 'stranger-pass-1', name: 'Stranger' });
    api.startSession = async (durationMin?: number) => {
      const json = { questionId: questions[0]!.id, ...(durationMin ? { durationMin } : {}) };
      return (await answer(api.owner.api.sessions.$post({ json }), 201)).session;
    };
  });
  api.saveDesign = (sessionId, revision, design) =>
    reply(
      api.owner.api.sessions[':id'].work.$patch({
        param: { id: sessionId },
        json: {
          revision,
          notes: { design },
          scene: { elements: [{ id: 'a', type: 'rectangle', version: revision + 1 }] }
        }
      })
    );
  afterAll(() => api.server?.close());
  return api;
}
