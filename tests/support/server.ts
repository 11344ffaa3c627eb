/** A MockLoop server for one test file: real HTTP on a free port, its own database on the run's database server. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { conformanceProblems, contractOf } from './contract.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../apps/api/src/server.ts';
import { testDatabaseName } from './database.ts';
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ApiRoutes } from '../../apps/api/src/routes/index.ts';

const webBuild = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/build/handler.js');

export interface TestServerOptions {
  /** Serve the built SvelteKit app too (end-to-end tests). */
  web?: boolean;
  /** Reuse another server's database (two instances behind one load balancer). */
  dbName?: string;
  app?: ServerOptions['app'];
  questions?: ServerOptions['questions'];
  /** A fixed port (restarting a server where the browser expects it); a free one otherwise. */
  port?: number;
}

/**
 * `npm test` builds the web app beside the tests and names a state file in MOCKLOOP_WEB_BUILD_STATE ("building",
 * then "done" or "failed"): a test that serves the app waits for "done" (the build replaces apps/web/build as it ends).
 * Without the variable (vitest run by hand) the build on disk is used as it is.
 */
async function webBuildReady(): Promise<void> {
  const stateFile = process.env.MOCKLOOP_WEB_BUILD_STATE;
  if (!stateFile) return;
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const state = (await readFile(stateFile, 'utf8')).trim();
    if (state === 'done') return;
    if (state === 'failed') throw new Error('the web build failed: see .cache/web-build.log');
    if (Date.now() > deadline) throw new Error('the web build did not finish within 15 minutes');
    await sleep(500);
  }
}

export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer & { dbName: string }> {
  const dbName = options.dbName ?? testDatabaseName('test');
  let webHandler: ServerOptions['webHandler'];
  if (options.web) {
    await webBuildReady();
    if (!existsSync(webBuild)) throw new Error('apps/web has no build: run `npm run build` (npm test does) first');
    ({ handler: webHandler } = (await import(pathToFileURL(webBuild).href)) as {
      handler: ServerOptions['webHandler'];
    });
  }
  // Every test signs up and in from one address: the limits are generous unless a test sets its own.
  const generous = { limit: 100_000, windowMs: 60_000 };
  const limits = {
    signUpPerAddress: generous,
    signInPerAddress: generous,
    signInPerAddressAndEmail: generous,
    ...options.app?.limits
  };
  const server = await startServer({
    port: options.port ?? 0,
    mongodbUri: inject('mongodbUri'),
    dbName,
    ...(webHandler ? { webHandler } : {}),
    // Tests start many sessions as one person: the day's allowance is generous unless a test sets its own.
    app: { sessionsPerDay: 100_000, ...options.app, limits },
    ...(options.questions ? { questions: options.questions } : {})
  });
  return { ...server, dbName };
}

/** A JSON request with a cookie jar of one cookie, as a browser on the same origin would send it. */
export function client(baseUrl: string) {
  let cookie = '';
  /** The typed client's fetch: the same cookie jar, and the same check of every answer against the contract. */
  const typedFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, method, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const problems = conformanceProblems(
      await contractOf(baseUrl),
      method,
      url.pathname + url.search,
      response.status,
      response.headers.get('content-type'),
      text
    );
    if (problems.length > 0) throw new Error(`the response breaks /api/openapi.json:\n${problems.join('\n')}`);
    const empty = [101, 204, 205, 304].includes(response.status);
    return new Response(empty ? null : text, { status: response.status, headers: response.headers });
  };
  return {
    /**
     * Every route of /api, typed by the routes themselves (`ApiRoutes`, as the web app's client): a renamed route,
     * parameter or field fails `npm run check`. Bad input on purpose still goes through `request`.
     *
     * @example
     * const { session } = await answer(owner.api.sessions.$post({ json: { questionId } }));
     * const refused = await reply(stranger.api.sessions[':id'].$get({ param: { id: session.id } }));
     */
    api: hc<ApiRoutes>(`${baseUrl}/api`, { fetch: typedFetch }),
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    async request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(baseUrl + urlPath, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          ...headers
        },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body)
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? '';
      const text = await response.text();
      // Every answer keeps the published contract: a documented status, content type and body shape.
      const problems = conformanceProblems(
        await contractOf(baseUrl),
        method,
        urlPath,
        response.status,
        response.headers.get('content-type'),
        text
      );
      if (problems.length > 0) throw new Error(`the response breaks /api/openapi.json:\n${problems.join('\n')}`);
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, headers: response.headers, json, text, setCookie };
    },
    /** Sign-up answers 202 whatever the e-mail; then sign in, as the sign-up page does. Returns the sign-in. */
    async signUp(body: { email: string; password: string; name: string }) {
      const signedUp = await reply(this.api.auth.signup.$post({ json: body }));
      if (signedUp.status !== 202) throw new Error(`sign-up answered ${signedUp.status}: ${signedUp.text}`);
      return reply(this.api.auth.signin.$post({ json: { email: body.email, password: body.password } }));
    }
  };
}

type AnyResponse = ClientResponse<unknown, number, 'json' | 'text'>;
/** The JSON body a typed call takes: `JsonOf<Api['sessions']['$post']>` for a helper that passes one along. */
export type JsonOf<Call> = Call extends (args: infer A, ...rest: never[]) => unknown
  ? A extends { json: infer J }
    ? J
    : never
  : never;
/** What a typed call answers when it succeeds: the body of its 2xx responses. */
export type Answer<R extends AnyResponse> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

/** The 2xx body of a typed call; any other answer fails the test with the server's status and body. */
export async function answer<R extends AnyResponse>(call: Promise<R>, status?: SuccessStatusCode): Promise<Answer<R>> {
  const response = await call;
  const text = await response.text();
  if (!response.ok || (status !== undefined && response.status !== status)) {
    throw new Error(`expected ${status ?? 'a 2xx'}, got ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : null) as Answer<R>;
}

/**
 * What a typed call answers, whatever its status, shaped as `request` answers: for a well-formed request the server
 * refuses (403, 404, 409…) or a test that reads headers. Its body is not typed, as an error body is not in the routes.
 */
export async function reply(call: Promise<AnyResponse>) {
  const response = await call;
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return {
    status: response.status as number,
    headers: response.headers,
    json,
    text,
    setCookie: response.headers.get('set-cookie')
  };
}
