/**
 * What the user does with the result on screen: export it (built in the worker, under the
 * policy chosen, in the layout chosen) and copy its ids or targets to the clipboard.
 */
import type { ExportFormat, ExportLayout, MapResult } from '../../workers/api';
import type { StatusName } from '../../workers/common/codes';
import { engine } from '../worker-client/engine-client';
import { downloadBlob, exportFileName, manifestFileName } from '../lib/download';
import { distinctTargets, inputsWithStatus } from '../lib/row-model';
import { messageOf } from '../lib/error-message';
import { manifestText } from '../../workers/common/manifest-file';

export interface ResultActionsOptions {
  result: () => MapResult | null;
  /** Whether the worker that made the result is still the one running (only it can export it). */
  held: () => boolean;
  onError: (message: string) => void;
  /** A short-lived line saying what was done (`Copied 12 targets.`). */
  notify: (message: string) => void;
}

export class ResultActions {
  exporting = $state<ExportFormat | 'manifest' | null>(null);
  /** One row per input–target pair (`long`), or one per input (`wide`). */
  exportLayout = $state<ExportLayout>('long');

  readonly #options: ResultActionsOptions;

  constructor(options: ResultActionsOptions) {
    this.#options = options;
  }

  async exportAs(format: ExportFormat): Promise<void> {
    await this.#download(format, 'export', 'Export failed', async (result) => {
      // Built in the worker as a Blob: the page only points a download at it.
      const file = await engine.exportResult(result.runId, format, this.exportLayout);
      return [file, exportFileName(result.source, result.targets, format)];
    });
  }

  /** Whether the manifest lists the input ids themselves (else only their sha256). */
  manifestIds = $state(false);

  /** Saves the run's manifest (#17): its settings, tables and counts, to make it again. */
  async exportManifest(): Promise<void> {
    await this.#download(
      'manifest',
      'save its manifest',
      'Could not save the manifest',
      async (result) => {
        const manifest = await engine.manifest(result.runId, {
          includeIds: this.manifestIds,
          layout: this.exportLayout,
          appVersion: __APP_VERSION__,
        });
        const file = new Blob([manifestText(manifest)], {
          type: 'application/json',
        });
        return [file, manifestFileName(result.source, result.targets)];
      },
    );
  }

  /**
   * Downloads a file the worker makes of the result on screen (`make` returns it and its name),
   * one at a time, and only from the worker that holds the run (`doing`: what it is for, in words).
   */
  async #download(
    kind: ExportFormat | 'manifest',
    doing: string,
    failed: string,
    make: (result: MapResult) => Promise<[Blob, string]>,
  ): Promise<void> {
    const result = this.#options.result();
    if (!result || this.exporting) return;
    if (!this.#options.held()) {
      this.#options.onError(
        `The engine was restarted since this run (cancelled or crashed) and no longer holds its results. Run it again to ${doing}.`,
      );
      return;
    }
    this.exporting = kind;
    try {
      downloadBlob(...(await make(result)));
    } catch (error) {
      this.#options.onError(`${failed}: ${messageOf(error)}`);
    } finally {
      this.exporting = null;
    }
  }

  async copyInputs(status: StatusName): Promise<void> {
    const result = this.#options.result();
    if (result) await this.#copy(inputsWithStatus(result, status), `${status} ids`);
  }

  /** Copies every target of the result on screen, each once (one per line). */
  async copyTargets(): Promise<void> {
    const result = this.#options.result();
    if (result) await this.#copy(distinctTargets(result), 'targets');
  }

  /** Puts `lines` on the clipboard, one per line, and says how many (`what`: `unmapped ids`). */
  async #copy(lines: string[], what: string): Promise<void> {
    if (lines.length === 0) {
      this.#options.notify(`No ${what} to copy.`);
      return;
    }
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this.#options.notify(`Copied ${lines.length.toLocaleString('en-US')} ${what}.`);
    } catch (error) {
      this.#options.onError(`Could not copy to the clipboard: ${messageOf(error)}`);
    }
  }
}
