import { describe, expect, it } from 'vitest';
import { inviteLine, inviteTokenOf } from './invite-context.ts';

const token = 'Abc_-123456789012345678901234567890123456789';
const at = (next: string) => new URL(`https://mockloop.test/signin?next=${encodeURIComponent(next)}`);

describe('inviteTokenOf', () => {
  it.each([
    [`/invite/${token}`, token],
    ['/dashboard', null],
    [`/invite/${token}/x`, null],
    [`//evil.example/invite/${token}`, null],
    ['/invite/short', null]
  ])('next=%s gives %s', (next, expected) => {
    expect(inviteTokenOf(at(next))).toBe(expected);
  });

  it('gives null without a next page', () => {
    expect(inviteTokenOf(new URL('https://mockloop.test/signin'))).toBeNull();
  });
});

describe('inviteLine', () => {
  it.each([
    [
      { inviterName: 'Ana', kind: 'design', title: 'Design a URL shortener', purpose: 'interview' },
      'Ana invited you to be the interviewer in a system design mock: Design a URL shortener.'
    ],
    [
      { inviterName: 'Ana', kind: 'coding', title: 'Two Sum', purpose: 'review' },
      'Ana invited you to review a finished coding mock: Two Sum.'
    ],
    [
      { inviterName: 'Bo', kind: 'loop', title: 'Senior loop', purpose: 'interview' },
      'Bo invited you to be the interviewer in an interview loop mock: Senior loop.'
    ]
  ] as const)('says who invited you and to what', (preview, line) => {
    expect(inviteLine(preview)).toBe(line);
  });
});
