/**
 * Every request and notification handler runs through these wrappers, so that
 * a bad document or a bug in one feature costs one answer, never the server.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Where errors go; the connection's console in the server, a stub in tests. */
export interface ErrorLog {
  error(message: string): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function cancelled<E>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Runs a request handler. A request the client cancelled, before or after the
 * work, answers with `RequestCancelled`; a handler that throws answers with
 * `fallback` and logs the error. Handlers may return a `ResponseError` of
 * their own, for example `ServerCancelled` for pull diagnostics.
 */
export async function runSafe<T, E = void>(
  log: ErrorLog,
  name: string,
  token: CancellationToken | undefined,
  fallback: T,
  work: () => T | ResponseError<E> | Promise<T | ResponseError<E>>,
): Promise<T | ResponseError<E>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (error) {
    log.error(`Carveout: ${name} failed: ${describeError(error)}`);
    return fallback;
  }
}

/** Runs a notification handler; errors, thrown or rejected, are logged and dropped. */
export function runSafeNotification(log: ErrorLog, name: string, work: () => void | Promise<void>): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((error: unknown) => log.error(`Carveout: ${name} failed: ${describeError(error)}`));
  } catch (error) {
    log.error(`Carveout: ${name} failed: ${describeError(error)}`);
  }
}

/** Resolves after `ms`, or early when the token is cancelled. */
export function delay(ms: number, token?: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || token?.isCancellationRequested) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    const subscription = token?.onCancellationRequested(done);
    function done(): void {
      clearTimeout(timer);
      subscription?.dispose();
      resolve();
    }
  });
}
