/**
 * `crosswalk cache --list | --clear | --remove NAME`: what the cache folder keeps (your imported
 * tables and the parsed tables), and emptying it.
 */
import { parseArgs } from 'node:util';
import { createEngine, defaultCacheDir } from '../../engine';
import { FsUserTableStore } from '../../stores/fs-user-table-store';
import { CliError, EXIT, usage } from '../cli-error';
import { COMMON_OPTIONS } from '../options';
import { writeListing } from '../listing';

export async function cacheCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...COMMON_OPTIONS,
      list: { type: 'boolean', default: false },
      clear: { type: 'boolean', default: false },
      remove: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'tsv' },
    },
  });
  const actions = [values.list, values.clear, values.remove.length > 0].filter(Boolean).length;
  if (actions !== 1) throw usage('Say one of --list, --clear or --remove NAME.');
  const dir = values.cache ?? defaultCacheDir();
  const engine = await createEngine({ data: values.data, cache: dir });
  const yours = engine.catalog().tables.filter((t) => t.user && !t.partOf);
  if (values.list) {
    const stored = await engine.storage();
    const rows = [
      ...yours.map((t) => ({ kind: 'imported', name: t.name, rows: t.rows, bytes: t.bytes })),
      ...stored.tables.map((t) => ({ kind: 'packed', name: t.name, bytes: t.bytes })),
      ...stored.damaged.map((d) => ({
        kind: 'damaged',
        name: d.key,
        detail: `${d.store}: ${d.problem}`,
      })),
    ];
    process.stderr.write(values.quiet ? '' : `crosswalk: cache folder ${dir}\n`);
    await writeListing(['kind', 'name', 'rows', 'bytes', 'detail'], rows, values.format === 'json');
    return;
  }
  const names = values.clear ? yours.map((t) => t.name) : values.remove;
  for (const name of names) {
    // An unknown table is exit 3 everywhere (as `map --disable NAME`), not a bad flag.
    if (!yours.some((t) => t.name === name))
      throw new CliError(
        `The cache keeps no imported table "${name}" (see crosswalk cache --list).`,
        EXIT.noAnswer,
      );
    await engine.removeTable(name);
  }
  if (values.clear) {
    await engine.clearStorage();
    // What no intact record names any more: a damaged record's file, a killed write's leftovers.
    new FsUserTableStore(dir).clear();
  }
  if (!values.quiet)
    process.stderr.write(
      `crosswalk: removed ${names.length} imported table(s)${values.clear ? ' and every parsed table' : ''}.\n`,
    );
}
