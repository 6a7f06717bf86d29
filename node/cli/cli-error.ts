/**
 * How the command ends when it cannot do what was asked: one line on standard error naming the
 * problem, and an exit code a pipeline can branch on (README, "Exit codes"). A run in which ids
 * went unmapped is a success: their statuses are in the output.
 */
import { CrosswalkError } from '../../workers/engine/errors';

export const EXIT = {
  ok: 0,
  /** Anything unforeseen (a bug): the message says what happened. */
  failed: 1,
  /** A flag or verb the command does not know, or a value it cannot take. */
  usage: 2,
  /** A type or table there is none of, or no path between the types. */
  noAnswer: 3,
  /** A file or the input that cannot be read or used (missing, binary, empty, too large). */
  input: 4,
  /** Standard output closed by its reader: 128 + SIGPIPE, what the shell reports for `cat`. */
  closedPipe: 141,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usage = (message: string): CliError => new CliError(message, EXIT.usage);

/** The exit code and one-line message for anything a verb threw. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof CrosswalkError) {
    const noAnswer = ['unknown-type', 'unknown-table', 'no-path'].includes(error.code);
    return { code: noAnswer ? EXIT.noAnswer : EXIT.input, message: error.message };
  }
  const system = error as NodeJS.ErrnoException;
  // node:util parseArgs: an unknown flag, a flag without its value, a stray argument.
  if (system?.code?.startsWith('ERR_PARSE_ARGS'))
    return { code: EXIT.usage, message: `${system.message} (see crosswalk --help)` };
  // Reading an input and writing --out or --manifest fail alike: name the call, not "read".
  if (system?.code && system.path) {
    const what = system.message.split(',')[0];
    return {
      code: EXIT.input,
      message: `Cannot ${system.syscall ?? 'use'} "${system.path}": ${what}.`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT.failed, message };
}

/** One line: the message's own line breaks would split it in a log. */
export const oneLine = (message: string): string => message.replace(/\s*\n\s*/g, ' ');
