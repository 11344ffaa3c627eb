/** The design question the benchmarks run sessions on (schema-valid, independent of the bank's content). */
import { designQuestionSchema } from '@mockloop/question-bank/schema';

export const question = {
  ...designQuestionSchema.parse({
    id: 'bench-design',
    kind: 'design',
    title: 'Bench prompt',
    level: 'senior',
    tags: ['bench'],
    rubricId: 'system-design-mock',
    source: { file: '003_bc27b5a5676389fe.txt', section: 'WEEK 09 — System Design Fundamentals' },
    prompt: 'A prompt long enough to satisfy the schema of a design question in the bank.',
    scale: ['1 rps'],
    followUps: ['one follow-up here', 'two follow-up here', 'three follow-up here', 'four follow-up here'],
    hints: ['a hint'],
    keyPoints: [1, 2, 3, 4].map((i) => ({ point: `point ${i}`, level: 'senior', evidence: ['cache', 'ttl'] }))
  }),
  version: 'bench0000001'
};

/** Signs up and in through the API (sign-up answers 202 whatever the e-mail); returns the session cookie. */
export async function signUpCookie(baseUrl: string, account: { email: string; password: string; name: string }) {
  const post = (path: string, body: object) =>
    fetch(`${baseUrl}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
  await post('signup', account);
  const signedIn = await post('signin', { email: account.email, password: account.password });
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Benchmarks sign many accounts up and in from one address. */
export const benchLimits = {
  signUpPerAddress: { limit: 100_000, windowMs: 60_000 },
  signInPerAddress: { limit: 100_000, windowMs: 60_000 },
  signInPerAddressAndEmail: { limit: 100_000, windowMs: 60_000 }
};
