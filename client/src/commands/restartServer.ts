import type { ClientHost } from '../clientHost';

/** `carveout.restartServer`: replaces the server with a fresh one, which also rereads profiles and settings. */
export async function restartServer(host: ClientHost): Promise<void> {
  // A failed start is already reported to the user by the host.
  await host.start().catch(() => undefined);
}
