/**
 * `crosswalk`: the app's engine and data on the command line (README, "In a pipeline"). One verb
 * per module under verbs/; this file only dispatches and turns a failure into one line on
 * standard error and an exit code (cli-error.ts).
 */
import { describeFailure, EXIT, oneLine, usage } from './cli-error';
import { HELP } from './help';
import { packageVersion } from '../engine';
import { mapCommand } from './verbs/map';
import { typesCommand } from './verbs/types';
import { tablesCommand } from './verbs/tables';
import { pathsCommand } from './verbs/paths';
import { importCommand } from './verbs/import';
import { cacheCommand } from './verbs/cache';
import { mergeCommand } from './verbs/merge';

const VERBS: Record<string, (args: string[]) => Promise<void>> = {
  map: mapCommand,
  types: typesCommand,
  tables: tablesCommand,
  paths: pathsCommand,
  import: importCommand,
  cache: cacheCommand,
  merge: mergeCommand,
};

async function main(argv: string[]): Promise<number> {
  const [verb, ...args] = argv;
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    process.stdout.write(HELP);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  if (verb === '--version' || verb === '-V') {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const run = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  try {
    if (!run) throw usage(`"${verb}" is not a crosswalk command; try crosswalk --help.`);
    await run(args);
    return EXIT.ok;
  } catch (error) {
    // The reader went away (`crosswalk map … | head`): stop quietly, as a killed writer would.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.closedPipe;
    const { code, message } = describeFailure(error);
    process.stderr.write(`crosswalk ${run ? `${verb}: ` : ''}${oneLine(message)}\n`);
    return code;
  }
}

process.exitCode = await main(process.argv.slice(2));
