/** `crosswalk types`: every id type the tables know, as the app's type selects list them. */
import { listingEngine, writeListing } from '../listing';

export async function typesCommand(args: string[]): Promise<void> {
  const { engine, json } = await listingEngine(args, {});
  const rows = engine.catalog().types.map((type) => ({ ...type }));
  await writeListing(['id', 'label', 'group', 'organism', 'example', 'pattern'], rows, json);
}
