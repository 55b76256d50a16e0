import type { TrayHandlerLogger } from './options.js';
import type { SecretRegistry } from './secrets.js';

const PREFIX = '[react-tray-embedded]';

/** Used when the partner passes no logger. */
export const consoleLogger: TrayHandlerLogger = {
  warn: (message, details) => console.warn(PREFIX, message, ...(details ? [details] : [])),
  error: (message, details) => console.error(PREFIX, message, ...(details ? [details] : [])),
};

/**
 * Wraps the partner's logger so that it never sees a secret the handler knows (the master
 * token, user tokens, authorization codes), in the message or anywhere in the details, plain
 * or escaped; and so that a throwing logger cannot turn a handled error into a failed request.
 * The handler's own messages never include a secret: this is the last line of defence for
 * what Tray or the partner's code put into them.
 */
export function safeLogger(logger: TrayHandlerLogger, secrets: SecretRegistry): TrayHandlerLogger {
  const safeDetails = (details: Record<string, unknown>): Record<string, unknown> => {
    let copy: unknown;
    try {
      // A copy that is plain JSON: no getters, no prototypes, nothing the scrub cannot see.
      copy = JSON.parse(JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? value.message : value)));
    } catch {
      return { details: 'could not be serialised' };
    }
    return secrets.scrubValue(copy as Record<string, unknown>);
  };
  const call = (level: 'warn' | 'error') => (message: string, details?: Record<string, unknown>) => {
    try {
      const text = secrets.scrubText(String(message));
      if (details === undefined) logger[level](text);
      else logger[level](text, safeDetails(details));
    } catch {
      // Logging must never break the request it reports on.
    }
  };
  return { warn: call('warn'), error: call('error') };
}
