/**
 * The "Extra columns" of a mapping: the attribute columns (untyped columns of enabled tables) that
 * can annotate targets of the current type, and the ones the user ticked. The list is fetched
 * from the engine again whenever the target type or the catalog changes; ticks of columns no
 * longer offered are dropped.
 */
import type { AttributeRef, IdTypeId } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { reportUnlessStopped } from '../worker-client/stopped';
import { attributeKey, chosenAttributes, keepAvailable } from '../lib/attributes';

export interface ExtraColumnsOptions {
  /** Shows why the list could not be fetched (not when the engine was stopped). */
  onError: (message: string) => void;
}

export class ExtraColumns {
  /** The target type `available` was listed for (null before the first answer). */
  target = $state<IdTypeId | null>(null);
  available = $state.raw<AttributeRef[]>([]);
  /** Ticked attributes by `table.column`, in the order they were ticked. */
  selected = $state.raw<string[]>([]);
  loading = $state(false);

  /** The ticked attributes, as plain objects in the engine's order: what a run asks for. */
  chosen = $derived(chosenAttributes(this.selected, this.available));

  readonly #options: ExtraColumnsOptions;
  #request = 0;

  constructor(options: ExtraColumnsOptions) {
    this.#options = options;
  }

  /** Lists the attributes for `target`; a slower answer for an earlier call is ignored. */
  async refresh(target: IdTypeId): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const available = await engine.attributesFor(target);
      if (request !== this.#request) return;
      this.available = available;
      this.target = target;
      this.selected = keepAvailable(this.selected, available);
    } catch (error) {
      if (request !== this.#request) return;
      // Offer nothing rather than another type's columns; the ticks stay for the next answer.
      if (this.target !== target) {
        this.available = [];
        this.target = null;
      }
      reportUnlessStopped(error, (message) =>
        this.#options.onError(`Could not list the extra columns: ${message}`),
      );
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  isSelected(ref: AttributeRef): boolean {
    return this.selected.includes(attributeKey(ref));
  }

  /** Ticks exactly `refs` (kept work, a manifest), offered yet or not: those offered stay ticked. */
  selectOnly(refs: readonly AttributeRef[]): void {
    this.selected = refs.map(attributeKey);
  }

  setSelected(ref: AttributeRef, on: boolean): void {
    const key = attributeKey(ref);
    const others = this.selected.filter((selected) => selected !== key);
    this.selected = on ? [...others, key] : others;
  }

  /** The attributes a run to `target` asks for: none while the list is for another type. */
  forRun(target: IdTypeId): AttributeRef[] {
    return this.target === target ? this.chosen : [];
  }
}
