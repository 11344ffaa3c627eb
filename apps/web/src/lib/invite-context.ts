/**
 * What the sign-in and sign-up pages say to someone who arrived from an invite link: who invited them and to what.
 * The API tells the link's holder only the inviter's name and the mock's kind and title (POST /invite-preview).
 */
import type { InvitePreview } from '@mockloop/contracts';
import { api, call } from './api.ts';
import { safeNext } from './next-path.ts';
import { MOCK_KIND_LABELS } from './session/kinds.ts';

/** The invite token in the page a visitor was sent away from (`next=/invite/<token>`), or null. */
export function inviteTokenOf(url: URL): string | null {
  return /^\/invite\/([A-Za-z0-9_-]{20,200})$/.exec(safeNext(url, ''))?.[1] ?? null;
}

/** "Ana invited you to be the interviewer in a system design mock: Design a URL shortener." */
export function inviteLine(preview: InvitePreview): string {
  const kind = MOCK_KIND_LABELS[preview.kind].toLowerCase();
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return preview.purpose === 'interview'
    ? `${preview.inviterName} invited you to be the interviewer in ${article} ${kind} mock: ${preview.title}.`
    : `${preview.inviterName} invited you to review ${article} finished ${kind} mock: ${preview.title}.`;
}

/** The line for this page's invite, or '' when it came from no invite or the link can no longer be used. */
export async function inviteContext(url: URL): Promise<string> {
  const token = inviteTokenOf(url);
  if (!token) return '';
  try {
    return inviteLine(await call(api['invite-preview'].$post({ json: { token } })));
  } catch {
    return ''; // the invite page itself says why the link cannot be used, once signed in
  }
}
