/**
 * Whether text read as a list of ids is text at all: shared by the engine, which refuses binary
 * input before any work, and the page, which refuses a small file on opening it (by name, keeping
 * the list it had) instead of filling the textarea with it.
 */

/** Characters looked at: a binary file shows itself long before. */
const SAMPLE_CHARS = 65536;

/**
 * What is wrong with `text` as a list of ids, in words to follow its name ("picture.png …"), or
 * null. Binary: at least one character in a hundred of its start is a control character (tabs and
 * line breaks aside) or U+FFFD, which decoding puts where bytes are not UTF-8.
 */
export function binaryTextProblem(text: string): string | null {
  let control = 0;
  const sample = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > 0 && control >= sample / 100
    ? 'looks like binary data (a picture or a program?), not a list of identifiers'
    : null;
}
