/** `crosswalk paths --from X --to Y`: the paths a run would take, ranked as the app lists them. */
import { DEFAULT_MAX_HOPS } from '../../../workers/engine/plan/type-graph';
import { CliError, EXIT, usage } from '../cli-error';
import { count } from '../options';
import { listingEngine, writeListing } from '../listing';

export async function pathsCommand(args: string[]): Promise<void> {
  const { engine, json, values } = await listingEngine(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    'max-hops': { type: 'string' },
  });
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (!from || !to) throw usage('Name both types: crosswalk paths --from TYPE --to TYPE.');
  const hops = values['max-hops'] as string | undefined;
  const maxHops = hops === undefined ? DEFAULT_MAX_HOPS : count(hops, '--max-hops', 1);
  // The engine lists no path for a type it does not know: say which, as `map` would (exit 3).
  const known = new Set(engine.catalog().types.map((type) => type.id));
  const unknown = (['source', 'target'] as const).find((_, i) => !known.has([from, to][i]));
  if (unknown)
    throw new CliError(
      `Unknown ${unknown} type "${unknown === 'source' ? from : to}" (see crosswalk types).`,
      EXIT.noAnswer,
    );
  const paths = engine.paths(from, to, maxHops);
  // An empty listing would read as success in a pipeline; no path is exit 3, as for `map`.
  if (paths.length === 0)
    throw new CliError(
      `No path from ${from} to ${to} within ${maxHops} hops over the enabled tables.`,
      EXIT.noAnswer,
    );
  const rows = paths.map((path) => ({
    rank: path.index + 1,
    hops: path.steps.length,
    path: path.label,
    tables: path.steps.map((step) => step.table).join(' → '),
    steps: path.steps,
  }));
  await writeListing(['rank', 'hops', 'path', 'tables'], rows, json);
}
