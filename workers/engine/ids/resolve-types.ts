/** Refuses a request whose source or a target type no enabled table has, or that maps a type to itself. */
import type { MapRequest } from '../../api';
import { fail } from '../errors';

/** The run's target types: `target` first, then the others asked for, each once. */
export function targetsOf(request: Pick<MapRequest, 'target' | 'alsoTargets'>): string[] {
  return [...new Set([request.target, ...(request.alsoTargets ?? [])])];
}

export function checkTypes(request: MapRequest, available: Set<string>): void {
  const targets = targetsOf(request);
  const roles: [string, string][] = targets.map((type) => ['target', type]);
  if (request.source !== 'auto') roles.unshift(['source', request.source]);
  for (const [role, type] of roles) {
    if (!available.has(type)) {
      fail(
        'unknown-type',
        `Unknown ${role} type "${type}": no enabled table has a column of that type (known: ${[...available].join(', ')}).`,
      );
    }
  }
  if (targets.includes(request.source)) {
    fail(
      'bad-request',
      `Source and target are both ${request.source}; choose a different target type.`,
    );
  }
  if (targets.length > 255) fail('bad-request', 'A run maps to at most 255 target types.');
}
