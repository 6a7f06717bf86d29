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

/**
 * Where pasted or opened text stops going into the textarea and is kept in session state only,
 * shown as a compact card. Chromium lays a textarea out line by line: at ~20,000 lines a paste
 * already costs a visible freeze (and 100k lines take seconds), while a list that size is still
 * short enough to read and edit by hand. 1 MB catches the same cost for long single-line or
 * comma-separated lists (about 140,000 UniProt accessions).
 */
export const LARGE_INPUT_CHARS = 1024 * 1024;
export const LARGE_INPUT_LINES = 20_000;
/** Past this, "Show in editor" is not offered: the textarea would freeze the tab for seconds. */
export const EDITOR_HARD_CAP_CHARS = 5 * 1024 * 1024;
/** The engine's limit on one run's text (workers/engine/input.ts, MAX_INPUT_CHARS). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Whether `text` is too large for the textarea; stops scanning at the line limit. */
export function isLargeInput(text: string): boolean {
  if (text.length > LARGE_INPUT_CHARS) return true;
  // Every line has at least one character, so a short text cannot have many lines.
  if (text.length < LARGE_INPUT_LINES) return false;
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (++lines >= LARGE_INPUT_LINES) return true;
  }
  return false;
}

// 256 K chars scan in a few ms, well under a frame.
const CHUNK_CHARS = 256 * 1024;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `countIds` for texts of many megabytes: counts 256 K characters at a time and yields to the event loop
 * between chunks, so the page keeps responding. Returns null when `isCurrent()` turns false.
 */
export async function countIdsChunked(
  text: string,
  isCurrent: () => boolean = () => true,
): Promise<number | null> {
  let count = 0;
  let inId = false;
  for (let start = 0; start < text.length; start += CHUNK_CHARS) {
    const end = Math.min(text.length, start + CHUNK_CHARS);
    for (let index = start; index < end; index++) {
      if (isSeparator(text.charCodeAt(index))) {
        inId = false;
      } else if (!inId) {
        inId = true;
        count++;
      }
    }
    if (end < text.length) {
      await yieldToEventLoop();
      if (!isCurrent()) return null;
    }
  }
  return count;
}
