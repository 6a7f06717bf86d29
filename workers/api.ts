/**
 * The worker contract: the only shapes that cross the boundary between the UI and the mapping
 * worker. Types only (the few numeric codes both sides read are in `codes.ts`) — both sides `import type` it, so neither drags the other's code along.
 *
 * Large results travel as packed typed arrays (transferred, not cloned): a `PackedStrings` is a
 * UTF-8 pool plus `count + 1` offsets, and string i is `bytes.subarray(offsets[i], offsets[i+1])`.
 */

/** An identifier type id such as `uniprot`, `entrez`, `symbol`, or a name a user gave a column. */
export type IdTypeId = string;

export interface IdTypeInfo {
  id: IdTypeId;
  label: string;
  /** Source of a RegExp an id of this type must match (after normalisation), when one is known. */
  pattern?: string;
  example?: string;
  /** Symbol-like types match case-insensitively when the exact spelling misses. */
  caseInsensitive: boolean;
  /**
   * Where the type selects list it: `Human genes and proteins`, `Mouse`, `Rat`, `Metabolites`,
   * `Gene Ontology`; absent for a type of your own tables.
   */
  group?: string;
  /** The organism whose ids these are (`human`, `mouse`, `rat`); absent when not one organism. */
  organism?: string;
}

export interface ColumnInfo {
  name: string;
  type?: IdTypeId;
}

export interface TableInfo {
  name: string;
  label: string;
  columns: ColumnInfo[];
  rows?: number;
  bytes?: number;
  /** SHA-256 of its content (its file as added, or as shipped packed): 64 lowercase hex. */
  sha256?: string;
  /** Lower runs first when two paths have the same number of hops. */
  priority: number;
  /** Recorded as the match type of pairs found through this table (e.g. `alias`). */
  matchLabel?: string;
  source?: string;
  date?: string;
  licence?: string;
  loaded: boolean;
  enabled: boolean;
  /** Added by the user, not bundled. */
  user: boolean;
  /** A user table that browser storage keeps (false: this visit only, gone after a reload). */
  kept?: boolean;
  /** The data pack it ships in; absent for the core and your own tables. */
  pack?: string;
  /** The organism it covers (`human`, `mouse`, `rat`), when one. */
  organism?: string;
  /** A history table (retired and secondary ids of this type), never a path step. */
  historyOf?: IdTypeId;
  /** A tier of one of your files (`hgnc (alias)` of `hgnc`): listed, added and removed with it. */
  partOf?: string;
  /**
   * A big file read in a stream and kept packed (#19): its size and rows read; `bytes` and `rows`
   * above are then the stored packed size and the rows kept.
   */
  streamed?: { bytes: number; rows: number };
}

/** A data pack: its tables are fetched the first time a path needs them, then kept offline. */
export interface PackInfo {
  name: string;
  label: string;
  description: string;
  source: string;
  date: string;
  licence: string;
  /** Its tables stay disabled until the user accepts `notice` and enables them. */
  optIn?: boolean;
  notice?: string;
  tables: string[];
  /** Bytes to download (all its files). */
  bytes: number;
  /** Every file of it is on this device (usable offline). */
  onDevice: boolean;
}

export interface PathStepInfo {
  table: string;
  from: string;
  to: string;
  fromType: IdTypeId;
  toType: IdTypeId;
}

export interface PathInfo {
  /** Index of the path within its run (or its plan), rank order. */
  index: number;
  label: string;
  types: IdTypeId[];
  steps: PathStepInfo[];
}

export interface CatalogInfo {
  version: string;
  types: IdTypeInfo[];
  tables: TableInfo[];
  /** The data packs, with whether each is on this device. */
  packs: PackInfo[];
  /** Why browser storage keeps nothing, when it failed. */
  storageProblem?: string;
  /** Something that changed beyond what was asked (e.g. another tab removed the table). */
  notice?: string;
}

export interface Detection {
  /** The list's main type: the one most ids are read as (null when none is recognised). */
  type: IdTypeId | null;
  /** Fraction of the sampled inputs read as `type`. */
  share: number;
  /** The same counts as `mix` (the name earlier versions of the contract used). */
  counts: Record<IdTypeId, number>;
  /**
   * How each sampled id is read on its own (a mixed list maps each id as its own type), counted
   * per input like the id count, duplicates included: `{ symbol: 41, uniprot: 12 }`. Ids read as
   * no type are not in it: `sum(mix) + unrecognised = sampled`.
   */
  mix: Record<IdTypeId, number>;
  /** Sampled ids shaped like no known type. */
  unrecognised: number;
  /**
   * Sampled ids several types fit (a bare number: NCBI Gene or OMIM) that no table in memory
   * settled; each is counted in `mix` under the type it was read as (the list's commonest).
   */
  ambiguous: number;
  /** Inputs read for this detection (the first ones of a long list), as the id count counts them. */
  sampled: number;
}

/** An untyped column of a table, shown as an extra output column (e.g. a panel's `organ`). */
export interface AttributeRef {
  table: string;
  column: string;
}

/** How text splits into ids: `lines` one per non-blank line, `words` on spaces, commas, tabs, semicolons and new lines. */
export type SplitRule = 'lines' | 'words';
/** `auto`: `lines` for a text of two or more non-blank lines, else `words`. */
export type SplitMode = 'auto' | SplitRule;

/** The ids (result rows) a text holds by each rule; `auto` is `lines` when `lines >= 2`. */
export interface IdCounts {
  lines: number;
  words: number;
}

export interface MapRequest {
  /** The ids: pasted text, or a file of them (read in the worker, never on the page). */
  text: string | Blob;
  /** A type id, or `auto` to detect it from the ids. */
  source: IdTypeId | 'auto';
  target: IdTypeId;
  /**
   * More target types mapped in the same run (#16), after `target`: each input's pairs are
   * `target`'s, then each of these in order (`pairs.targetType` says whose). Duplicates of
   * `target` are ignored.
   */
  alsoTargets?: IdTypeId[];
  maxHops?: number;
  /**
   * How the text splits into inputs (default `auto`). By lines, a line whose `;`-separated parts
   * all look like ids of the source type is a group (MaxQuant's `P0DP23;P0DP24`): one input
   * whose members are each mapped, its targets their union, with match type `group`.
   */
  split?: SplitMode;
  /** Map targets back and mark each pair confirmed or not. */
  roundTrip?: boolean;
  /** Run only this path (as listed by `paths`), with no fallback. */
  pinnedPath?: number;
  /**
   * Extra output columns: for each pair of `target`, the values of these attribute columns in the
   * rows of their table whose column of the target type holds the pair's target (joined by `; `).
   */
  attributes?: AttributeRef[];
}

export interface PackedStrings {
  bytes: Uint8Array;
  offsets: Int32Array;
}

/**
 * A string per row where rows share few distinct strings: each distinct one is stored once in
 * `strings`, and row i's is `strings[index[i]]`. The 64 MB input limit (8.9 million ids, 32k
 * distinct) gives 10.7 million pairs of 38k distinct targets and paths: copying a string per pair
 * cost 6.7 s and ~600 MB in assembly (`npm run bench:limits`).
 */
export interface IndexedStrings {
  strings: PackedStrings;
  index: Int32Array;
}

export type Phase = {
  name: string;
  ms: number;
  kind: 'setup' | 'config' | 'paths' | 'load' | 'step' | 'assembly' | 'transfer' | 'render';
  /**
   * For table loads: where the table came from — memory, the browser's store, its file parsed, or
   * its file shipped packed (a bundled table: decompressed and wrapped, never parsed).
   */
  source?: 'memory' | 'persisted' | 'parsed' | 'shipped';
  detail?: string;
  children?: Phase[];
};

export interface Timing {
  totalMs: number;
  phases: Phase[];
}

export interface MapSummary {
  inputs: number;
  distinct: number;
  duplicates: number;
  mapped: number;
  ambiguous: number;
  unmapped: number;
  invalid: number;
  /** Inputs with at least one target that another distinct input also reached (n:1). */
  convergent: number;
  /** Inputs that look like gene symbols a spreadsheet turned into dates. */
  excelDates: number;
  /** Inputs two ranked paths answer with different targets (#17: `conflict`). */
  conflicts: number;
  pairs: number;
}

export interface MapResult {
  runId: number;
  /** The chosen source type, or on `auto` the type most ids were read as. */
  source: IdTypeId;
  /**
   * The source types of this run: `keys.type` indexes into it. One for a pinned source; on
   * `auto`, every type the ids were read as (a mixed list maps each id along its own type's paths).
   */
  sourceTypes: IdTypeId[];
  /** The first target type (the `target` asked for). */
  target: IdTypeId;
  /**
   * Every target type of the run, `target` first (#16); `pairs.targetType` indexes into it. With
   * several, an input's status is the best its targets reached — `mapped` or `ambiguous` while
   * any type found it — and its reason names each type that did not (`ensembl_gene: not in any
   * table`).
   */
  targets: IdTypeId[];
  detection?: Detection;
  paths: PathInfo[];
  /** Names of match types; `pairs.match` indexes into it. */
  matchTypes: string[];
  inputs: {
    count: number;
    /** Each input as typed (an input clean-up did not change shares its distinct key's string). */
    text: IndexedStrings;
    /** Index into STATUS_NAMES (codes.ts). */
    status: Uint8Array;
    /**
     * Bit 0: duplicate of an earlier input; bit 1: has a convergent target; bit 2: an Excel date;
     * bit 3: paths conflict (codes.ts).
     */
    flags: Uint8Array;
    /** Pairs of input i are `pairStart[i] .. pairStart[i+1]`. */
    pairStart: Int32Array;
    /** The distinct id (index into `keys`) each input is; duplicates share one. */
    key: Int32Array;
  };
  /** Per distinct input id (`inputs.key`): how it was read and why it is not simply mapped. */
  keys: {
    count: number;
    /**
     * The id as looked up: cleaned, its form undone (`sp|P68871|HBB_HUMAN` → `P68871`,
     * `NCBIGene:7157` → `7157`); a group's members joined by `;`.
     */
    normalised: PackedStrings;
    /** Index into `sourceTypes` (at most 255 types); NO_TYPE (codes.ts) when shaped like none. */
    type: Uint8Array;
    /** Index into `reasons`; 0 (`''`) for an id simply mapped. */
    reason: Uint16Array;
  };
  /**
   * Why inputs are not simply mapped, as short fixed phrases (`not in any table`, `decoy`,
   * `shaped like ensembl_gene`, …; see README); `reasons[0]` is `''`. A phrase may end in a
   * parenthesised detail (`not in any table (close to TP53)`), so filter on the part before it.
   * Details are best effort (the first ids only; dropped past 65,535 distinct phrases).
   */
  reasons: string[];
  pairs: {
    count: number;
    input: Int32Array;
    target: IndexedStrings;
    /** Index into `targets`: the type of the pair's target. */
    targetType: Uint8Array;
    /** The ids at every hop, source to target, joined by ` > `. */
    via: IndexedStrings;
    path: Uint16Array;
    match: Uint8Array;
    confidence: Float32Array;
    /** Bit 0: convergent (target reached from several distinct inputs); bit 1: round trip ran; bit 2: confirmed. */
    flags: Uint8Array;
  };
  rows: ResultRows;
  /**
   * The requested attribute columns: `values[a]` holds one string per distinct target (aligned
   * with `pairs.target.strings`, so pair p's is `values[a]` at `pairs.target.index[p]`), `''`
   * when none. They annotate the first target type's targets only.
   */
  attributes: { refs: AttributeRef[]; labels: string[]; values: PackedStrings[] };
  summary: MapSummary;
  timing: Timing;
  /** Plain-language notes about the run (fallback paths used, ids repaired, tables skipped). */
  notes: string[];
  /**
   * What was done with inputs that reached several targets (#16): `keep` as the run gave them,
   * unless a policy was chosen after it (`applyPolicy`).
   */
  policy: AmbiguityPolicy;
  /** How many inputs each policy changes in the run as it came. */
  policyEffects: Record<AmbiguityPolicy, number>;
  /**
   * Per distinct target (aligned with `pairs.target.strings`): REVIEWED, UNREVIEWED or
   * REVIEW_UNKNOWN (codes.ts), as a table says (the bundled `uniprot_reviewed`, or a `Reviewed`
   * or `Status` column of a UniProt download); null when no enabled table says it of the target type.
   */
  reviewed: Uint8Array | null;
}

/**
 * `keep` every target (the default); the `first` in path then table order; `drop` them all (the
 * input keeps its status, with no target); `prefer-reviewed` UniProt entries where some are.
 */
export type AmbiguityPolicy = 'keep' | 'first' | 'drop' | 'prefer-reviewed';

/**
 * The results table's rows: one per pair, plus one per input without pairs, in input order.
 * Built by the worker so that showing a million rows costs the page nothing per row.
 */
export interface ResultRows {
  count: number;
  /** Input index of each row. */
  input: Int32Array;
  /** Pair index of each row, or -1 for an input with no pairs. */
  pair: Int32Array;
  /**
   * Row indexes grouped by their input's status (STATUS_NAMES order), in row order within a
   * status: the rows of status `s` are `byStatus[statusStart[s] .. statusStart[s + 1]]`.
   */
  byStatus: Int32Array;
  statusStart: Int32Array;
}

export interface CachedTableInfo {
  name: string;
  key: string;
  bytes: number;
  rows: number;
  hits: number;
}

export interface CacheStats {
  tables: CachedTableInfo[];
  bytes: number;
  budget: number;
  hits: number;
  misses: number;
  evictions: number;
}

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressFn = (progress: Progress) => void;

/** How far the streamed import of a big file has got (#19). */
export interface ImportProgress {
  /** File bytes read (compressed bytes for gzip) and the file's size. */
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rowsKept: number;
  /** What the kept rows take packed so far, and the limit. */
  packedBytes: number;
  maxPackedBytes: number;
  elapsedMs: number;
  /** 'read' while the file is read; 'pack' while the table is packed for storing. */
  step: 'read' | 'pack';
}

export type ImportProgressFn = (progress: ImportProgress) => void;

export interface StoredTableInfo {
  key: string;
  name: string;
  bytes: number;
  savedAt: number;
}

/** A stored entry that could not be used: skipped, named here, removed by `clearStorage`. */
export interface DamagedEntryInfo {
  /** Which of the app's stores holds it, in words (`stored-table index`, `your tables`, …). */
  store: string;
  key: string;
  problem: string;
}

export interface StorageInfo {
  /** False when IndexedDB is missing or failed: tables then live in memory only. */
  available: boolean;
  tables: StoredTableInfo[];
  /** Entries set aside as damaged; every other entry works. */
  damaged: DamagedEntryInfo[];
  /** The first storage problem met, in words. */
  problem?: string;
}

/** The first rows of a file the user picked, and what the engine makes of it. */
export interface TablePreview {
  fileName: string;
  bytes: number;
  compressed: boolean;
  /** The delimiter used: the one asked for, else the detected one (`,`, a tab, `;` or `|`). */
  delimiter: string;
  header: string[];
  /** Up to 20 data rows as parsed (cells as in the file, unquoted). */
  rows: string[][];
  /** Per header column: the suggested identifier type (absent = attribute) and why. */
  suggestions: { column: string; type?: IdTypeId; reason: string }[];
  /** A standard file recognised from its header and first rows (never its name), fully typed. */
  format?: FormatProposal;
  /**
   * Set for a file over the whole-file limit (#19): checking it reads it in a stream and keeps
   * only its typed columns (ID types), up to `maxPackedBytes` packed; the file is not kept.
   */
  streamed?: { maxPackedBytes: number };
}

/** The standard mapping files Crosswalk recognises on drop (#14). */
export type TableFormatId =
  | 'uniprot-idmapping'
  | 'uniprot-selected'
  | 'uniprot-tsv'
  | 'ncbi-gene-info'
  | 'ncbi-gene2ensembl'
  | 'ncbi-gene2accession'
  | 'ncbi-gene-history'
  | 'hgnc-complete-set'
  | 'biomart'
  | 'sssom'
  | 'chebi-accession'
  | 'chebi-names';

/** One column of a user's file and how to read it. */
export interface UserColumnSpec {
  name: string;
  /** The column's identifier type; absent: an attribute (kept for output, never joined on). */
  type?: IdTypeId;
  /** Split cells on this string into several ids (`|`, `;`, `,`, a space …). */
  separator?: string;
  /**
   * Values written `DB:id` (gene_info's `dbXrefs`, SSSOM's CURIEs) go to the type their `DB`
   * names, the prefix removed and the id written in the type's canonical form; values whose
   * prefix is not listed are dropped. Such a column feeds one column per type (`type` unused).
   */
  prefixes?: Record<string, IdTypeId>;
  /**
   * A fallback tier of its type (HGNC's `prev_symbol` → `previous`, `alias_symbol` → `alias`):
   * matched only when the primary column misses, recorded as the pair's match type, and never
   * returned as a target in place of the primary column's id.
   */
  tier?: string;
  /**
   * Many-valued by nature (#16): the several values this column lists for one id (a gene's GO
   * annotations, a protein's organs) are all meant, so reaching them is `mapped`, not
   * `ambiguous`, and confidence is not divided among them.
   */
  manyValued?: boolean;
}

/**
 * A long-form file (UniProt's idmapping.dat, ChEBI's database_accession): each row is (key, ID
 * type, value); the values of each kept ID type become one typed column related to the key.
 */
export interface LongFormSpec {
  /** The column holding the row's key (`UniProtKB-AC`), and its type. */
  key: string;
  keyType: IdTypeId;
  /** The column naming each row's ID type (`ID_type`) and the one holding its value (`ID`). */
  typeColumn: string;
  value: string;
  /** Kept ID types (the `typeColumn` value) → identifier type; rows of other ID types are skipped. */
  types: Record<string, IdTypeId>;
}

/** How to read a user's table: which columns carry which types. Untyped columns are not indexed. */
export interface UserTableSpec {
  name: string;
  columns: UserColumnSpec[];
  /** Overrides the detected delimiter. */
  delimiter?: string;
  /** Lower runs first among paths with the same hop count (bundled tables use 0; alias 1). */
  priority?: number;
  /** The recognised format the spec was proposed for (absent: a generic table). */
  format?: TableFormatId;
  /**
   * Column names for a file without a header row of its own (idmapping.dat), or whose header is
   * a `#` line (gene_info's `#tax_id …`): data starts at the first line that is not a `#` line.
   */
  header?: string[];
  /** Rows are (key, ID type, value): see LongFormSpec. `columns` then lists attributes only. */
  long?: LongFormSpec;
  /**
   * Every value of a row relates to the row's key in this column (gene_info's `GeneID`, HGNC's
   * `hgnc_id`), as one record per value: list cells in several columns never multiply.
   */
  hub?: string;
  /**
   * Rows split by a column's value (SSSOM's `predicate_id`): rows whose value is in `primary`
   * (`skos:exactMatch`) form the table; every other value forms a fallback tier recorded as the
   * pair's match type (`closeMatch`), so a close match is never shown as exact.
   */
  matchBy?: { column: string; primary: string[] };
  /**
   * A history table of `type` (NCBI's gene_history): `old` retired ids, `new` their successors
   * (a placeholder such as `-` = withdrawn), `date` the event's date (`YYYYMMDD` or ISO). What
   * happened (replaced, merged, split, withdrawn) is read from the rows, as for the history pack.
   */
  history?: { type: IdTypeId; old: string; new: string; date?: string };
  /**
   * The organism the rows are of (`human`, `mouse`, `rat`, `taxon:7227`), as a recognised file
   * says: a path never joins it with a table of another organism.
   */
  organism?: string;
}

/** A recognised standard file: its publisher's name for the format and the table proposed. */
export interface FormatProposal {
  id: TableFormatId;
  /** As the publisher names it: "UniProt idmapping.dat", "NCBI gene_info", "SSSOM" … */
  label: string;
  /** The spec to check and add (the user may edit its column types first). */
  spec: Omit<UserTableSpec, 'name'>;
  /** The organism the rows are of (`human`, `mouse`, `rat`, or `taxon:<id>`), when one. */
  organism?: string;
  /**
   * Long form: each ID type in the file's head, its rows there, the type proposed for it, and
   * whether Crosswalk already knows that type (preselected in a file over the table limit).
   */
  idTypes?: { name: string; rows: number; type: IdTypeId; known: boolean }[];
  /** What the proposal could not settle from the head, in words. */
  notes?: string[];
}

export interface ColumnReport {
  name: string;
  type: IdTypeId;
  distinct: number;
  blank: number;
  placeholder: number;
  placeholderExamples: string[];
  /** Cells whose stray spaces, invisible characters or quotes were removed. */
  repaired: number;
  compositeCells: number;
  /** Distinct ids not shaped like the type (when it has a pattern), with examples. */
  invalid: number;
  invalidExamples: string[];
  /**
   * Distinct ids shaped like another type instead (the commonest such type), among the first
   * `sampled`: a symbols column holding Ensembl ids in places (#17).
   */
  lookalikes?: { type: IdTypeId; ids: number; examples: string[]; sampled: number };
}

export interface RelationReport {
  from: string;
  to: string;
  pairs: number;
  /** Keys of `from` with several `to` values (one-to-many), with an example. */
  fromWithSeveral: number;
  fromExample?: string;
  /** Keys of `to` with several `from` values (many-to-one), with an example. */
  toWithSeveral: number;
  toExample?: string;
}

/** What a table holds, in words a biologist reads, before it is used. */
export interface ValidationReport {
  table: string;
  rows: number;
  duplicateRows: number;
  raggedRows: number;
  raggedExamples: number[];
  columns: ColumnReport[];
  relations: RelationReport[];
  /** Plain-language findings worth a look (nothing is silently fixed or dropped). */
  findings: string[];
}

/**
 * A run's record for doing it again (#17): the settings, the data (every table the run read,
 * with the sha256 of its content), the paths, the counts and the time it took, and the sha256 of
 * its input list. Saved as JSON (`export-manifest`); loaded back (`manifest-file`), it restores
 * the settings and the table set and says where a table differs from the one recorded.
 */
export interface RunManifest {
  format: 'crosswalk-manifest';
  formatVersion: 1;
  app: { name: 'Crosswalk'; version: string };
  /** When the manifest was made (ISO 8601). */
  created: string;
  /** The bundled data's version (the catalog's). */
  data: string;
  settings: ManifestSettings;
  /** What `auto` and the run made of the settings: the source read, every type read, the targets. */
  resolved: { source: IdTypeId; sourceTypes: IdTypeId[]; targets: IdTypeId[] };
  /** Every table the run read (a path's, an extra column's, a history's), in the order read. */
  tables: ManifestTable[];
  /** The names of every enabled table at the run (the table set to restore). */
  enabledTables: string[];
  paths: PathInfo[];
  summary: MapSummary;
  timing: Timing;
  input: {
    count: number;
    /**
     * SHA-256 of the inputs as listed, one per line (each input as typed, `\n` after each, UTF-8):
     * the same list gives the same checksum however it was pasted or split.
     */
    sha256: string;
    /** The inputs themselves, only when asked for. */
    ids?: string[];
  };
}

/** The choices a run was made with: enough to make it again on the same ids and tables. */
export interface ManifestSettings {
  source: IdTypeId | 'auto';
  target: IdTypeId;
  alsoTargets: IdTypeId[];
  split: SplitMode;
  maxHops?: number;
  roundTrip: boolean;
  pinnedPath?: number;
  attributes: AttributeRef[];
  policy: AmbiguityPolicy;
  layout: ExportLayout;
}

export interface ManifestTable {
  name: string;
  label: string;
  source: string;
  /** The data's release or date, as its source gives it. */
  release: string;
  licence: string;
  rows: number;
  /** SHA-256 of the table's content (its file as added, or as shipped packed), 64 lowercase hex. */
  sha256: string;
  /** Bundled with the app (a data pack's included); false: a file the user added. */
  bundled: boolean;
  pack?: string;
}

/** What changed for an input between two runs of the same list (#17: a version diff). */
export type InputChangeKind = 'gained' | 'lost' | 'changed';

/**
 * Two runs of the same list compared input by input (#17): typically the same ids over two
 * versions of the data — the bundled tables, then with a current file of yours, or the tables
 * of two manifests. Targets are compared as sets, under each run's ambiguity policy.
 */
export interface RunDiff {
  before: number;
  after: number;
  inputs: number;
  counts: { same: number } & Record<InputChangeKind, number>;
  /**
   * How the runs' data differ: tables one read and the other did not, and tables both read with
   * other content (sha256).
   */
  tables: { added: string[]; removed: string[]; changed: string[] };
  /** The first changes, in input order, for the page (every one is in `exportDiff`'s file). */
  changes: InputChange[];
}

export interface InputChange {
  /** 1-based, as `input_index` in the exports. */
  index: number;
  input: string;
  kind: InputChangeKind;
  before: string[];
  after: string[];
}

export type ExportFormat = 'tsv' | 'csv' | 'json';
/** `long`: one row per input–target pair (the default); `wide`: one row per input (#16). */
export type ExportLayout = 'long' | 'wide';

export interface EngineApi {
  /** Loads the catalog of bundled tables (fetched from `catalogUrl`) and returns it. */
  init(catalogUrl: string): Promise<CatalogInfo>;
  catalog(): Promise<CatalogInfo>;
  detect(text: string, split?: SplitMode): Promise<Detection>;
  /** How many ids (result rows) pasted text or a file holds by each rule; refuses what `map` would refuse. */
  countIds(input: string | Blob): Promise<IdCounts>;
  paths(source: IdTypeId, target: IdTypeId, maxHops?: number): Promise<PathInfo[]>;
  /** Attribute columns that can annotate targets of this type: untyped columns of tables with such a column. */
  attributesFor(target: IdTypeId): Promise<AttributeRef[]>;
  map(request: MapRequest, onProgress?: ProgressFn): Promise<MapResult>;
  /**
   * The rows of a finished run as a file, built in the worker; unmapped inputs are kept. A `Blob`
   * (UTF-8 without a BOM, typed for its format), which crosses to the page by reference: the page
   * only hands it to a download, never reads or copies its bytes.
   */
  exportResult(runId: number, format: ExportFormat, layout?: ExportLayout): Promise<Blob>;
  /**
   * The record of a kept run for doing it again (#17); its input ids only with `includeIds`.
   * `layout` is the export layout chosen on the page, `appVersion` the app's.
   */
  manifest(
    runId: number,
    options: { includeIds: boolean; layout: ExportLayout; appVersion: string },
  ): Promise<RunManifest>;
  /**
   * Two kept runs of the same list compared input by input (`before` → `after`); refuses runs of
   * different lists.
   */
  diffRuns(before: number, after: number): Promise<RunDiff>;
  /** Every input's change between two kept runs, as a TSV or CSV file (`diff-export`). */
  exportDiff(before: number, after: number, format: 'tsv' | 'csv'): Promise<Blob>;
  /**
   * A finished run with an ambiguity policy applied, looked up again nowhere; its exports follow
   * the policy from now on.
   */
  applyPolicy(runId: number, policy: AmbiguityPolicy): Promise<MapResult>;
  cacheStats(): Promise<CacheStats>;
  /** Loads tables ahead of use so the next run finds them in memory. */
  preload(tables: string[]): Promise<void>;
  /**
   * Loads into memory the already stored tables of the best source → target path (idle warm-up
   * after start-up); tables not stored yet are left for the run. Returns the names warmed.
   */
  warmUp(source: IdTypeId, target: IdTypeId): Promise<string[]>;
  storage(): Promise<StorageInfo>;
  /** Deletes every stored table (memory copies stay until the worker restarts). */
  clearStorage(): Promise<void>;
  /** Reads the start of a user's file: delimiter, header, first rows, column type suggestions. */
  previewTable(file: Blob, fileName: string, delimiter?: string): Promise<TablePreview>;
  /**
   * Parses the whole file with `spec` and reports on it; nothing is registered yet. Rejects with
   * a message naming the file and the problem when it cannot be used.
   */
  checkTable(
    file: Blob,
    spec: UserTableSpec,
    onProgress?: ImportProgressFn,
  ): Promise<ValidationReport>;
  /**
   * Registers the table last checked under `name` and keeps it (bytes + spec) for later visits;
   * its `kept` says whether storage did. Refuses a name another tab took meanwhile.
   */
  addTable(name: string): Promise<CatalogInfo>;
  removeTable(name: string): Promise<CatalogInfo>;
  /** Changes a table's options; a user table another tab removed goes (see `notice`). */
  setTableOptions(
    name: string,
    options: { enabled?: boolean; priority?: number },
  ): Promise<CatalogInfo>;
  /** Re-reads the user tables, and which data packs are on this device, after another tab changed them. */
  syncUserTables(): Promise<CatalogInfo>;
  /** Downloads every file of a data pack and keeps it on this device (a run would, on first use). */
  fetchPack(name: string): Promise<CatalogInfo>;
  /** Removes a data pack's files and stored tables from this device; it is fetched again when used. */
  dropPack(name: string): Promise<CatalogInfo>;
}
