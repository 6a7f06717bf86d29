/** `crosswalk paths --from X --to Y`: the paths a run would take, ranked as the app lists them. */
import { usage } from '../cli-error';
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
  const paths = engine.paths(
    from,
    to,
    hops === undefined ? undefined : count(hops, '--max-hops', 1),
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
