import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CONTENT_SECURITY_POLICY, SANDBOX_HTML } from './document.ts';

const directive = (name: string) =>
  SANDBOX_CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith(`${name} `)) ?? null;

describe('the sandbox document', () => {
  it('allows no request of any kind', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    for (const name of ['connect-src', 'img-src', 'font-src', 'style-src', 'media-src', 'frame-src', 'child-src']) {
      expect(directive(name), name).toBeNull();
    }
    expect(SANDBOX_CONTENT_SECURITY_POLICY).not.toContain('http');
    expect(SANDBOX_CONTENT_SECURITY_POLICY).not.toContain("'self' ");
    expect(SANDBOX_CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('runs only its own inline boot script, and scripts made inside it', () => {
    const inline = /<script>([\s\S]*)<\/script>/.exec(SANDBOX_HTML)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(directive('script-src')).toBe(`script-src 'sha256-${hash}' blob: 'unsafe-eval' 'wasm-unsafe-eval'`);
    expect(directive('worker-src')).toBe('worker-src blob:');
  });

  it('may be framed by our pages only', () => {
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'self'");
  });
});
