/**
 * Every failure the engine reports names what failed: the table, the column, the types. The code
 * travels inside the error name because Comlink carries only name, message and stack.
 */

export type ErrorCode =
  | 'missing-column'
  | 'unknown-type'
  | 'unknown-table'
  | 'no-path'
  | 'unreadable-file'
  | 'empty-file'
  | 'no-usable-ids'
  | 'bad-request'
  | 'fetch-failed';

export class CrosswalkError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = `CrosswalkError[${code}]`;
  }
}

export function fail(code: ErrorCode, message: string): never {
  throw new CrosswalkError(code, message);
}
