/**
 * Thresholds for the ids input, and the sample of it that type detection reads while typing. The
 * live count is the engine's own (`workers/common/id-tokens.ts`), so it matches the rows a run
 * returns.
 */
export { countIds, MAX_INPUT_CHARS } from '../../workers/common/id-tokens';

const SAMPLE_CHARS = 20_000;

/**
 * The first ids of a (possibly huge) text, cut at a separator, so type detection while typing
 * sends the worker a few kilobytes rather than the whole paste.
 */
export function sampleText(text: string, maxChars = SAMPLE_CHARS): string {
  if (text.length <= maxChars) return text;
  return cutAtLastSeparator(text.slice(0, maxChars));
}

/** `sampleText` of pasted text or of a file, reading only the start of the file. */
export async function sampleOf(content: string | Blob): Promise<string> {
  if (typeof content === 'string') return sampleText(content);
  const head = await content.slice(0, SAMPLE_CHARS).text();
  return content.size > SAMPLE_CHARS ? cutAtLastSeparator(head) : head;
}

function cutAtLastSeparator(head: string): string {
  // At a line break when there is one, so a list read by lines keeps whole lines (names too).
  const lastLine = head.lastIndexOf('\n');
  if (lastLine > 0) return head.slice(0, lastLine);
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
