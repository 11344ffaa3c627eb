/**
 * Text as it is stored: well-formed Unicode with no NUL characters, measured in the UTF-8 bytes the database
 * keeps (not in characters, which undercount what a note costs to store).
 */
import { z } from 'zod';

/** Any character but NUL and a lone surrogate (with the `u` flag a surrogate pair is one character, and passes). */
const WELL_FORMED = /^[^\0\uD800-\uDFFF]*$/u;

/** UTF-8 length without allocating: 1–3 bytes per UTF-16 unit, and a surrogate pair's two units make 4. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** A string with no NUL character and no broken Unicode. */
export function wellFormedText(params?: { error: string }) {
  return z
    .string(params)
    .regex(WELL_FORMED, 'Remove NUL characters and broken Unicode (a lone surrogate)')
    .meta({ pattern: '^[^\\u0000\\uD800-\\uDFFF]*$' });
}

/**
 * Well-formed text of at most `maxBytes` UTF-8 bytes. The document says so twice: `maxLength` (a character is at
 * least a byte) for JSON Schema tools, and `x-maxUtf8Bytes` for the exact rule.
 *
 * @example
 * const note = storedText(100_000, 'A note');
 */
export function storedText(maxBytes: number, what = 'This text') {
  // Written when a text is refused: Intl's first use costs the server's start-up some 15 ms.
  const error = () => `${what} has at most ${maxBytes.toLocaleString('en')} bytes`;
  return wellFormedText()
    .max(maxBytes, { error })
    .refine((text) => utf8Bytes(text) <= maxBytes, { error })
    .meta({ 'x-maxUtf8Bytes': maxBytes });
}
