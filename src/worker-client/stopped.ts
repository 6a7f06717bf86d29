/**
 * How page code treats a call the engine did not finish because its worker stopped: a crash has
 * been reported already (the crash banner), and a cancel was the user's own doing, so neither is
 * shown again as the failure of whichever call it interrupted.
 */
import { EngineStoppedError } from './engine-client';
import { messageOf } from '../lib/error-message';

/** Hands the error's message to `report`, unless the error is the engine stopping. */
export function reportUnlessStopped(error: unknown, report: (message: string) => void): void {
  if (!(error instanceof EngineStoppedError)) report(messageOf(error));
}

/** Whether the call ended because the user cancelled a run (the worker was ended on purpose). */
export function isCancelled(error: unknown): error is EngineStoppedError {
  return error instanceof EngineStoppedError && error.reason === 'cancelled';
}
