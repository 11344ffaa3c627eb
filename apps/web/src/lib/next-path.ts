/** Where to go after signing in or up: the `next` path a page sent the user away with, when it is safe. */

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
export function safeNext(url: URL, fallback = '/dashboard'): string {
  const next = url.searchParams.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

/** A link to the other auth form that keeps where the user was going (`next`), when it is safe to follow. */
export function withNext(path: string, url: URL): string {
  const next = safeNext(url, '');
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
