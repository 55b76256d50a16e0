import { TrayHandlerError } from './responses.js';

// Tray's inputs nest four or five levels; 32 leaves room for JSON config values.
export const MAX_VARIABLES_DEPTH = 32;

/**
 * Refuses variables nested deeper than `MAX_VARIABLES_DEPTH` with a 400, before anything
 * recursive (JSON.stringify, Tray's parser) can choke on them. Walks with its own stack, so
 * the check itself cannot overflow.
 */
export function assertVariablesDepth(variables: Record<string, unknown> | undefined): void {
  if (variables === undefined) return;
  const stack: Array<[unknown, number]> = [[variables, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_VARIABLES_DEPTH) {
      throw new TrayHandlerError(
        400,
        'limit_exceeded',
        `"variables" are nested more than ${MAX_VARIABLES_DEPTH} levels deep. Nothing was sent to Tray.`,
      );
    }
    const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}
