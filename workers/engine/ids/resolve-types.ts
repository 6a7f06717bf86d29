/** Refuses a request whose source or target type no enabled table has, or that maps a type to itself. */
import type { MapRequest } from '../../api';
import { fail } from '../errors';

export function checkTypes(request: MapRequest, available: Set<string>): void {
  const roles: [string, string][] = [['target', request.target]];
  if (request.source !== 'auto') roles.unshift(['source', request.source]);
  for (const [role, type] of roles) {
    if (!available.has(type)) {
      fail(
        'unknown-type',
        `Unknown ${role} type "${type}": no enabled table has a column of that type (known: ${[...available].join(', ')}).`,
      );
    }
  }
  if (request.source === request.target) {
    fail(
      'bad-request',
      `Source and target are both ${request.source}; choose a different target type.`,
    );
  }
}
