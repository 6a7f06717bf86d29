/**
 * Vite plugin: one Content-Security-Policy for everything the app serves. `vite preview` (what
 * `npm start` serves) sends it as HTTP headers on every response — the page and, what a `<meta>`
 * tag cannot reach, the mapping worker's script, whose policy comes from its own response. The
 * build writes the same headers to `dist/_headers` for static hosts (Netlify and Cloudflare
 * Pages read it as is; the README gives the nginx and Apache lines), and puts the policy in the
 * page's `<meta>` as well, for a host that sends no headers at all.
 */
import type { Plugin } from 'vite';

/**
 * Nothing may load from or connect to another origin: the user's ids and tables never leave the
 * app. Inline styles are allowed for Svelte's style attributes; inline scripts and eval are not.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The policy a `<meta>` tag can carry (browsers ignore `frame-ancestors` there, with a warning). */
export const META_CONTENT_SECURITY_POLICY = POLICY.join('; ');

/** The headers sent with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [...POLICY, "frame-ancestors 'none'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** `dist/_headers` in the Netlify / Cloudflare Pages format: every path gets every header. */
export function staticHostHeaders(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}

export function securityHeaders(): Plugin {
  return {
    name: 'crosswalk:security-headers',
    // Added directly (not returned as a post hook): runs before every other middleware.
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: staticHostHeaders() });
    },
  };
}
