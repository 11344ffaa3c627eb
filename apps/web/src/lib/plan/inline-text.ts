/**
 * A roadmap task's text as the roadmap writes it (Markdown's `code`, **bold**, <links>), split into plain parts a
 * page renders as text: nothing of it is ever HTML.
 */
export interface InlinePart {
  text: string;
  kind: 'text' | 'code' | 'bold' | 'link';
}

const TOKEN = /`([^`]+)`|\*\*([^*]+)\*\*|<(https?:\/\/[^>\s]+)>/g;

export function inlineParts(source: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ text: source.slice(last, match.index), kind: 'text' });
    if (match[1] !== undefined) parts.push({ text: match[1], kind: 'code' });
    else if (match[2] !== undefined) parts.push({ text: match[2], kind: 'bold' });
    else parts.push({ text: match[3]!, kind: 'link' });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last), kind: 'text' });
  return parts;
}
