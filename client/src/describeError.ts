/** The message of a thrown value, for logs and notifications. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
