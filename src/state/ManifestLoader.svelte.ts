/**
 * A run's manifest loaded back (#17): its settings go to the session, its table set to the
 * engine (each table enabled or not as at the run), and what cannot be restored as it was — a
 * table missing or different (by sha256), other bundled data, no ids — is listed for the user.
 */
import type { CatalogInfo, ExportLayout, RunManifest } from '../../workers/api';
import { engine } from '../worker-client/engine-client';
import { messageOf } from '../lib/error-message';
import { manifestWarnings, parseManifest } from '../../workers/common/manifest-file';
import { readAcceptedPacks } from '../storage/pack-opt-in';
import type { WorkToKeep } from '../storage/kept-work';

export interface ManifestLoaderOptions {
  catalog: () => CatalogInfo | null;
  setCatalog: (catalog: CatalogInfo) => void;
  /** Sets the list (when the manifest has it), the types and the options. */
  applyWork: (work: WorkToKeep) => void;
  setLayout: (layout: ExportLayout) => void;
  onError: (message: string) => void;
}

export class ManifestLoader {
  /** The manifest last loaded (its file's name), and what could not be restored as it was. */
  loaded = $state<string | null>(null);
  warnings = $state.raw<string[]>([]);
  loading = $state(false);

  readonly #options: ManifestLoaderOptions;

  constructor(options: ManifestLoaderOptions) {
    this.#options = options;
  }

  async load(file: File): Promise<void> {
    this.loading = true;
    try {
      const manifest = parseManifest(await file.text(), file.name);
      // Worked out before anything changes: a manifest that cannot be read changes nothing.
      const catalog = this.#options.catalog();
      const warnings = catalog ? manifestWarnings(manifest, catalog) : [];
      const skipped = await this.#restoreTables(manifest);
      this.#options.applyWork({
        ids: manifest.input.ids ? manifest.input.ids.join('\n') : null,
        fileName: null,
        split: manifest.settings.split,
        source: manifest.settings.source,
        target: manifest.settings.target,
        alsoTargets: manifest.settings.alsoTargets,
        attributes: manifest.settings.attributes,
        policy: manifest.settings.policy,
      });
      this.#options.setLayout(manifest.settings.layout);
      this.loaded = file.name;
      this.warnings = [...warnings, ...skipped];
    } catch (error) {
      // What the page already has stays as it was.
      this.#options.onError(messageOf(error));
    } finally {
      this.loading = false;
    }
  }

  dismiss(): void {
    this.loaded = null;
    this.warnings = [];
  }

  /**
   * Enables the tables the run had enabled and disables the others; an opt-in pack's table the
   * user has not accepted stays off (its licence asks for a yes). Returns what it left off.
   */
  async #restoreTables(manifest: RunManifest): Promise<string[]> {
    let catalog = this.#options.catalog();
    if (!catalog) return [];
    const wanted = manifest.enabledTables;
    const accepted = readAcceptedPacks();
    const optIn = catalog.packs.filter((p) => p.optIn).map((p) => p.name);
    const skipped: string[] = [];
    for (const { name } of catalog.tables) {
      // As the latest catalog has it: a file's tiers follow the file (and are never set alone).
      const table = catalog.tables.find((t) => t.name === name);
      if (!table || table.partOf) continue;
      const enabled = wanted.includes(table.name);
      if (table.enabled === enabled) continue;
      if (enabled && table.pack && optIn.includes(table.pack) && !accepted.includes(table.pack)) {
        skipped.push(
          `Table "${table.name}" was enabled in the run; it stays off until you accept its pack's licence (Lookup tables → Data packs).`,
        );
        continue;
      }
      catalog = await engine.setTableOptions(table.name, { enabled });
    }
    this.#options.setCatalog(catalog);
    return skipped;
  }
}
