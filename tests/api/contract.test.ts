/**
 * The contract, tested by properties: requests generated from /api/openapi.json itself (tests/support/
 * schema-arbitrary.ts), sent signed in and anonymous to the embedded server. Checked on every answer: never a 5xx;
 * the status, content type and body are ones the document promises for that route (tests/support/contract.ts);
 * and a request the document calls invalid is refused (4xx), so the document is no looser than the server.
 *
 * Why our own generator over fast-check rather than schemathesis: `npm test` stays one Node toolchain (no Python in
 * the suite or in .ci/run), it reuses the suite's embedded server and fixtures, and the document's subset of JSON
 * Schema is small enough to cover whole; Ajv (the standard JSON Schema validator) decides what is valid.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceProblems, contractOf, validatorFor, type Operation } from '../support/contract.ts';
import { codingFixture, codingFixtureTwo, designFixture } from '../support/fixtures.ts';
import { invalid, valid } from '../support/schema-arbitrary.ts';
import { answer, client, startTestServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let operations: Operation[];
let cookie = '';
/** Real ids for path parameters (a generated id would only ever find nothing). */
const known: Record<string, string[]> = { id: [], n: ['1'] };

beforeAll(async () => {
  server = await startTestServer({ questions: [designFixture, codingFixture, codingFixtureTwo] });
  const owner = client(server.url);
  await owner.signUp({ email: 'contract@example.com', password: 'contract-password-1', name: 'Contract' });
  cookie = owner.cookie;
  const start = async (questionId: string) =>
    (await answer(owner.api.sessions.$post({ json: { questionId } }), 201)).session;
  const [design, coding, done] = [
    await start(designFixture.id),
    await start(codingFixture.id),
    await start(designFixture.id)
  ];
  const ofSession = owner.api.sessions[':id'];
  await answer(ofSession.submissions.$post({ param: { id: coding.id }, json: { language: 'python', code: 'pass' } }));
  await answer(ofSession.submit.$post({ param: { id: done.id } }));
  const { invite } = await answer(ofSession.invites.$post({ param: { id: done.id }, json: {} }), 201);
  known.id = [design.id, coding.id, done.id, invite.id];
  operations = (await contractOf(server.url)).filter(
    // The events stream never ends (tests/api/live.test.ts reads it); signing out would end the run's session.
    (op) => !Object.values(op.responses).some((r) => 'text/event-stream' in (r.content ?? {}))
  );
});
afterAll(() => server.close());

interface Case {
  url: string;
  body: unknown;
  /** False when the document says the request is invalid. */
  conforms: boolean;
}

function requestFor(op: Operation): fc.Arbitrary<Case> {
  const params = op.parameters.map((p) => {
    const generated = valid(p.schema).map(String);
    const value =
      p.in === 'path' && known[p.name] ? fc.oneof(fc.constantFrom(...known[p.name]!), generated) : generated;
    return p.required
      ? value.map((v) => ({ p, v }))
      : fc.option(
          value.map((v) => ({ p, v })),
          { nil: undefined }
        );
  });
  const body = op.body
    ? fc.oneof({ weight: 3, arbitrary: valid(op.body) }, { weight: 1, arbitrary: invalid(op.body) })
    : fc.constant(undefined);
  return fc.tuple(fc.tuple(...params), body).map(([values, payload]) => {
    let path = op.path;
    const query = new URLSearchParams();
    let conforms = true;
    for (const entry of values) {
      if (!entry) continue;
      if (entry.p.in === 'path') path = path.replace(`{${entry.p.name}}`, encodeURIComponent(entry.v));
      else query.set(entry.p.name, entry.v);
      const numeric = [entry.p.schema.type].flat().some((t) => t === 'integer' || t === 'number');
      if (!validatorFor(entry.p.schema)(numeric ? Number(entry.v) : entry.v)) conforms = false;
    }
    if (op.body && !validatorFor(op.body)(payload)) conforms = false;
    return { url: `${path}${query.size ? `?${query}` : ''}`, body: payload, conforms };
  });
}

async function send(op: Operation, c: Case, as: 'signed in' | 'anonymous'): Promise<string[]> {
  const response = await fetch(server.url + c.url, {
    method: op.method,
    headers: {
      ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(as === 'signed in' ? { cookie } : {})
    },
    body: c.body === undefined ? null : JSON.stringify(c.body)
  });
  const text = await response.text();
  const where = `${as} ${op.method} ${c.url} ${JSON.stringify(c.body)?.slice(0, 300)}`;
  const problems = conformanceProblems(
    operations,
    op.method,
    c.url,
    response.status,
    response.headers.get('content-type'),
    text
  ).map((p) => `${p}\n    sent: ${where}`);
  if (response.status >= 500) problems.push(`server error ${response.status}: ${where} → ${text.slice(0, 300)}`);
  if (!c.conforms && response.status < 400) {
    problems.push(`accepted a request the document calls invalid (${response.status}): ${where}`);
  }
  return problems;
}

describe.each(['signed in', 'anonymous'] as const)('every documented operation, %s', (as) => {
  it(
    'keeps the contract on generated requests: no 5xx, documented status/type/body, invalid input refused',
    {
      timeout: 120_000
    },
    async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const op of operations) {
        if (op.path === '/api/auth/signout' && as === 'signed in') continue;
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (c) => {
            sent++;
            failures.push(...(await send(op, c, as)));
          }),
          { numRuns: 12, seed: Number(process.env.CONTRACT_SEED ?? 20261202) }
        );
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(sent).toBeGreaterThan(operations.length * 10);
    }
  );
});
