/**
 * The ambiguity policy chosen for the results (#16): applied at once to the result on screen by
 * the worker, which still holds its run (nothing is looked up again), and to each later run before
 * it is shown. Exports follow it: the worker builds them under the run's policy.
 */
import type { AmbiguityPolicy, MapResult } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { messageOf } from '../lib/error-message';

export interface AmbiguityChoiceOptions {
  result: () => MapResult | null;
  /** Shows the result with the policy applied. */
  show: (result: MapResult) => void;
  /** Whether the worker that made the result still holds it (not restarted since). */
  held: () => boolean;
  onError: (message: string) => void;
  /** The user chose a policy (kept with their work). */
  onChosen?: (policy: AmbiguityPolicy) => void;
}

export class AmbiguityChoice {
  policy = $state<AmbiguityPolicy>('keep');
  applying = $state(false);

  readonly #options: AmbiguityChoiceOptions;

  constructor(options: AmbiguityChoiceOptions) {
    this.#options = options;
  }

  async choose(policy: AmbiguityPolicy): Promise<void> {
    this.policy = policy;
    this.#options.onChosen?.(policy);
    const result = this.#options.result();
    if (!result || result.policy === policy) return;
    if (!this.#options.held()) {
      this.#options.onError(
        'The engine was restarted since this run (cancelled or crashed) and no longer holds its results. Run it again to apply the policy.',
      );
      return;
    }
    this.applying = true;
    try {
      const applied = await engine.applyPolicy(result.runId, policy);
      // A run that finished meanwhile has had the policy applied on its own.
      if (this.#options.result()?.runId === result.runId) this.#options.show(applied);
    } catch (error) {
      this.#options.onError(`Could not apply the policy: ${messageOf(error)}`);
    } finally {
      this.applying = false;
    }
  }

  /** A run's result under the chosen policy (as it came when that is `keep`). */
  forRun(result: MapResult): Promise<MapResult> | MapResult {
    return this.policy === 'keep' ? result : engine.applyPolicy(result.runId, this.policy);
  }
}
