/**
 * Question-bank text is Markdown written from the roadmaps (`**Project:**`, backticks, lists). It is rendered with
 * marked (CommonMark and GFM, well kept and small) and the HTML is then cleaned by DOMPurify (the browser-side
 * sanitiser OWASP recommends), so no markup in the bank can run script or add attributes we did not allow.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const ALLOWED = {
  ALLOWED_TAGS: ['p', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'br', 'blockquote', 'h3', 'h4', 'del'],
  ALLOWED_ATTR: ['href']
};

/** Block Markdown (paragraphs, lists, code) to safe HTML. */
export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true, breaks: true }), ALLOWED);
}

/** One line of Markdown (a list item, a key point) to safe inline HTML. */
export function renderInline(text: string): string {
  return DOMPurify.sanitize(marked.parseInline(text, { async: false, gfm: true }), ALLOWED);
}
