/**
 * Keeps the user's work on this device by default (#16) — the list, the types and the options
 * of each run — and brings it back on the next visit, where the session runs it again. The page
 * says so, with "Forget" and "Never keep" (storage/kept-work.ts holds the records).
 */
import { messageOf } from '../lib/error-message';
import {
  KEEP_TEXT_CHARS,
  forgetWork,
  keepWork,
  neverKeep,
  readKeptWork,
  setNeverKeep,
  type WorkToKeep,
} from '../storage/kept-work';

export type { WorkToKeep };

export class WorkKeeper {
  /** `kept`: saved after each run; `off`: the user said never; `failed`: storage refused it. */
  state = $state<'kept' | 'off' | 'failed'>(neverKeep() ? 'off' : 'kept');
  problem = $state<string | null>(null);
  /** Whether something is kept now (a run was saved, or a visit's work restored). */
  holding = $state(false);
  /** False when the last list was a paste too large to keep (its types and options are kept). */
  listKept = $state(true);

  async save(work: WorkToKeep): Promise<void> {
    if (this.state === 'off') return;
    try {
      await keepWork(work);
      this.listKept = !(typeof work.ids === 'string' && work.ids.length > KEEP_TEXT_CHARS);
      this.state = 'kept';
      this.problem = null;
      this.holding = true;
    } catch (error) {
      this.state = 'failed';
      this.problem = messageOf(error);
    }
  }

  /** The work kept by an earlier visit, unless the user said never; a damaged record is none. */
  async restore(): Promise<WorkToKeep | null> {
    if (this.state === 'off') return null;
    try {
      const work = await readKeptWork();
      this.holding = work !== null;
      return work;
    } catch {
      return null;
    }
  }

  async forget(): Promise<void> {
    try {
      await forgetWork();
      this.holding = false;
    } catch (error) {
      this.problem = messageOf(error);
    }
  }

  async setNever(never: boolean): Promise<void> {
    setNeverKeep(never);
    this.state = never ? 'off' : 'kept';
    if (never) await this.forget();
  }
}
