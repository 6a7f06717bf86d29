// The engine splits on /[\s,;]+/ (workers/engine/input.ts); these are the non-ASCII members of \s.
const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function isSeparator(code: number): boolean {
  // comma, semicolon, space, and \t \n \v \f \r
  if (code < 128) return code === 44 || code === 59 || code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACES.test(String.fromCharCode(code));
}

/**
 * Counts ids in pasted text the way the engine splits it (new lines, tabs, commas, semicolons,
 * spaces). Runs on every keystroke over up to ~10 MB, so it scans char codes instead of splitting
 * into an array of a million strings.
 */
export function countIds(text: string): number {
  let count = 0;
  let inId = false;
  for (let index = 0; index < text.length; index++) {
    if (isSeparator(text.charCodeAt(index))) {
      inId = false;
    } else if (!inId) {
      inId = true;
      count++;
    }
  }
  return count;
}

/**
 * The first ids of a (possibly huge) text, cut at a separator, so type detection while typing
 * sends the worker a few kilobytes rather than the whole paste.
 */
export function sampleText(text: string, maxChars = 20_000): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const lastSeparator = Math.max(
    head.lastIndexOf('\n'),
    head.lastIndexOf('\t'),
    head.lastIndexOf(','),
    head.lastIndexOf(' '),
  );
  return lastSeparator > 0 ? head.slice(0, lastSeparator) : head;
}
