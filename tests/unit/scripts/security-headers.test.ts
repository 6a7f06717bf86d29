/**
 * The static-host headers file says exactly what `vite preview` sends, and the policy forbids
 * what the privacy guarantee needs forbidden. Parsed here as Netlify documents `_headers`.
 */
import { describe, expect, it } from 'vitest';
import {
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  staticHostHeaders,
} from '../../../scripts/vite-security-headers';

/** `_headers`: a path line, then indented `Name: value` lines for it. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('security headers', () => {
  it('dist/_headers gives every path the headers vite preview sends', () => {
    const rules = parseHeadersFile(staticHostHeaders());
    expect([...rules.keys()]).toEqual(['/*']);
    expect(rules.get('/*')).toEqual(SECURITY_HEADERS);
  });

  it('the policy keeps every request and script on the origin, with no eval', () => {
    const policy = directives(SECURITY_HEADERS['Content-Security-Policy']);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toContain('unsafe-eval');
  });

  it('the <meta> policy is the header policy less what a meta tag cannot carry', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    const header = directives(SECURITY_HEADERS['Content-Security-Policy']);
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });
});
