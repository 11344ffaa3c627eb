import { describe, expect, it } from 'vitest';
import { ledgerMarkdown } from './ledger.ts';

describe('learning ledger', () => {
  it("writes the roadmap's three pages as Markdown, dated entries in order", () => {
    const md = ledgerMarkdown({
      goals: ['Clear the staff loop by March'],
      oops: [{ on: '2026-12-02', text: 'Off-by-one\nin recursion' }],
      log: [
        { on: '2026-12-03', text: 'Two Sum' },
        { on: '2026-12-01', text: 'Set up' }
      ]
    });
    expect(md).toContain('## Goals\n\n- Clear the staff loop by March\n');
    expect(md).toContain('## Oops List\n\n- **2026-12-02** Off-by-one in recursion\n');
    expect(md.indexOf('2026-12-01')).toBeLessThan(md.indexOf('2026-12-03'));
  });
});
