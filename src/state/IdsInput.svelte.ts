/**
 * The ids to map: the textarea's text, or a paste or file too large for the textarea, kept here
 * and shown as a card. A large file is never read on the page: the worker counts it and maps it
 * (reading a 7 MB file here cost the page tasks of 60–100 ms).
 */
import type { IdCounts, SplitMode, SplitRule } from '../../workers/api';
import { countByRule, countsFor, splitRule } from '../../workers/common/id-tokens';
import { binaryTextProblem } from '../../workers/common/plausible-text';
import { engine } from '../worker-client/engine-client';
import { isCancelled } from '../worker-client/stopped';
import { formatMegabytes } from '../lib/format';
import {
  EDITOR_HARD_CAP_CHARS,
  isLargeInput,
  LARGE_INPUT_CHARS,
  MAX_INPUT_CHARS,
  sampleOf,
} from '../lib/input-count';
import { messageOf } from '../lib/error-message';

/** Text too large for the textarea (see `isLargeInput`). */
export interface LargeInput {
  /** The pasted text, or the file the ids are in. */
  content: string | Blob;
  /** The file it came from, or null when it was pasted. */
  fileName: string | null;
  /** The file's size, or the pasted text's length (ids are ASCII, so about its UTF-8 size). */
  bytes: number;
  /** Ids in it by each rule, as the worker counted them. */
  counts: IdCounts;
}

/** What the page says next to the count, per rule. */
export const SPLIT_RULE_LABELS: Record<SplitRule, string> = {
  lines: 'one per line',
  words: 'split on spaces, commas, tabs and semicolons',
};

export interface IdsInputOptions {
  /** Runs whenever the ids change (the session then detects their type again). */
  onChange: () => void;
  /** Shows why a paste or file was refused or could not be read. */
  onError: (message: string) => void;
}

const LIMIT = `at most ${formatMegabytes(MAX_INPUT_CHARS)} of identifiers (4 to 9 million, by their length) can be mapped at once`;

export class IdsInput {
  text = $state('');
  /** When set, this is the input and `text` is ''. */
  large = $state.raw<LargeInput | null>(null);
  /** What is being read and counted before it replaces the input ('pasted text' or a file name). */
  reading = $state<string | null>(null);

  /** How the text splits into ids: `auto` is one per line for two or more non-blank lines. */
  split = $state<SplitMode>('auto');
  /** The rule `split` comes to for this input, and the ids (rows of a run) it gives. */
  counted = $derived.by<{ rule: SplitRule; count: number }>(() => {
    if (this.large) return countsFor(this.large.counts, this.split);
    const rule = splitRule(this.text, this.split);
    return { rule, count: countByRule(this.text, rule) };
  });
  count = $derived(this.counted.count);
  rule = $derived(this.counted.rule);
  /** Whether the large input may still be moved into the textarea ("Show in editor"). */
  canShowInEditor = $derived(this.large !== null && this.large.bytes <= EDITOR_HARD_CAP_CHARS);

  readonly #options: IdsInputOptions;
  /** Bumped by every change, so a slow read cannot replace a newer input. */
  #version = 0;

  constructor(options: IdsInputOptions) {
    this.#options = options;
  }

  /** What a run maps. */
  get content(): string | Blob {
    return this.large?.content ?? this.text;
  }

  setText(text: string): void {
    this.#begin();
    this.large = null;
    this.text = text;
    this.#options.onChange();
  }

  /** Chooses how the text splits into ids (the live count and the next run follow). */
  setSplit(split: SplitMode): void {
    if (split === this.split) return;
    this.split = split;
    this.#options.onChange();
  }

  clear(): void {
    this.setText('');
  }

  /** Takes pasted text: into the textarea when small, else as a card once the worker counted it. */
  take(text: string): Promise<void> {
    if (!isLargeInput(text)) {
      this.setText(text);
      return Promise.resolve();
    }
    // Refused here, before the text is copied to the worker.
    if (text.length > MAX_INPUT_CHARS) {
      this.#options.onError(
        `The pasted text is ${formatMegabytes(text.length)}; ${LIMIT}. Split the list.`,
      );
      return Promise.resolve();
    }
    return this.#takeLarge(text, null, text.length);
  }

  /** Takes an opened or dropped file; the current input stays if it is refused. */
  async takeFile(file: File): Promise<void> {
    // Refused before reading: the engine would refuse it anyway, after the tab held it all.
    if (file.size > MAX_INPUT_CHARS) {
      this.#options.onError(
        `${file.name} is ${formatMegabytes(file.size)}; ${LIMIT}. Split the list.`,
      );
      return;
    }
    if (file.size > LARGE_INPUT_CHARS) return this.#takeLarge(file, file.name, file.size);
    // Small enough to read here in a few milliseconds, and maybe to edit.
    const version = this.#begin();
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.#options.onError(`Could not read ${file.name}: ${messageOf(error)}`);
      return;
    }
    if (version !== this.#version) return;
    // Refused here, by name: the textarea keeps what it had (the engine would refuse it at Run).
    const problem = binaryTextProblem(text);
    if (problem) {
      this.#options.onError(`${file.name} ${problem}.`);
      return;
    }
    if (isLargeInput(text)) return this.#takeLarge(text, file.name, file.size);
    this.setText(text);
  }

  /** Brings back a list kept by an earlier visit (storage/kept-work.ts), as it was taken. */
  restore(ids: string | Blob, fileName: string | null): Promise<void> {
    if (typeof ids === 'string') return this.take(ids);
    return this.takeFile(new File([ids], fileName ?? 'kept list'));
  }

  /** Moves a large input into the textarea (slow to lay out; offered only up to a hard cap). */
  async showInEditor(): Promise<void> {
    const large = this.large;
    if (!large || !this.canShowInEditor) return;
    const version = this.#version;
    let text: string;
    try {
      text = typeof large.content === 'string' ? large.content : await large.content.text();
    } catch (error) {
      this.#options.onError(
        `Could not read ${large.fileName ?? 'the pasted text'}: ${messageOf(error)}`,
      );
      return;
    }
    if (version === this.#version) this.setText(text);
  }

  /** The first ids, for type detection while the user is still choosing types. */
  sample(): Promise<string> {
    return sampleOf(this.content);
  }

  /** Starts a change of input: reads still under way are no longer wanted. */
  #begin(): number {
    this.reading = null;
    return ++this.#version;
  }

  async #takeLarge(content: string | Blob, fileName: string | null, bytes: number): Promise<void> {
    const version = this.#begin();
    const label = fileName ?? 'pasted text';
    this.reading = label;
    try {
      const counts = await this.#count(content);
      if (version !== this.#version) return;
      this.text = '';
      this.large = { content, fileName, bytes, counts };
      this.#options.onChange();
    } catch (error) {
      if (version !== this.#version) return;
      this.#options.onError(`${label}: ${messageOf(error)}`);
    } finally {
      if (version === this.#version) this.reading = null;
    }
  }

  /**
   * Counts in the worker. A count queued behind a run that is then cancelled goes down with that
   * worker; the paste exists nowhere else, so it is counted again on the new one.
   */
  async #count(content: string | Blob): Promise<IdCounts> {
    try {
      return await engine.countIds(content);
    } catch (error) {
      if (isCancelled(error)) return engine.countIds(content);
      throw error;
    }
  }
}
