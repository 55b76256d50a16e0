import type { TrayHandlerLogger } from './options.js';

const PREFIX = '[react-tray-embedded]';

/** Used when the partner passes no logger. */
export const consoleLogger: TrayHandlerLogger = {
  warn: (message, details) => console.warn(PREFIX, message, ...(details ? [details] : [])),
  error: (message, details) => console.error(PREFIX, message, ...(details ? [details] : [])),
};

/**
 * Wraps the partner's logger so that it never sees the master token (a last line of defence:
 * the handler's own messages never include one) and so that a throwing logger cannot turn a
 * handled error into a failed request.
 */
export function safeLogger(logger: TrayHandlerLogger, masterToken: string): TrayHandlerLogger {
  const scrub = (text: string) => (text.includes(masterToken) ? text.split(masterToken).join('[redacted]') : text);
  const scrubDetails = (details: Record<string, unknown> | undefined) =>
    details === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(details))) as Record<string, unknown>);
  const call = (level: 'warn' | 'error') => (message: string, details?: Record<string, unknown>) => {
    try {
      const safeDetails = scrubDetails(details);
      if (safeDetails === undefined) logger[level](scrub(message));
      else logger[level](scrub(message), safeDetails);
    } catch {
      // Logging must never break the request it reports on.
    }
  };
  return { warn: call('warn'), error: call('error') };
}
