/** Which source and target types a request means, with `auto` detected from the ids. */
import type { Detection, MapRequest } from '../../api';
import { detectType } from './detect-type';
import { fail } from '../errors';
import type { StringDict } from '../packed/string-dict';

export interface ResolvedTypes {
  source: string;
  target: string;
  detection?: Detection;
}

export function resolveTypes(
  request: MapRequest,
  keys: StringDict | readonly string[],
  available: Set<string>,
): ResolvedTypes {
  let detection: Detection | undefined;
  let source = request.source;
  if (source === 'auto') {
    detection = detectType(keys, available);
    if (!detection.type) {
      fail('unknown-type', 'Could not recognise the type of these ids; choose the source type.');
    }
    source = detection.type;
  }
  for (const [role, type] of [
    ['source', source],
    ['target', request.target],
  ]) {
    if (!available.has(type)) {
      fail(
        'unknown-type',
        `Unknown ${role} type "${type}": no enabled table has a column of that type (known: ${[...available].join(', ')}).`,
      );
    }
  }
  if (source === request.target) {
    fail('bad-request', `Source and target are both ${source}; choose a different target type.`);
  }
  return { source, target: request.target, detection };
}
