/** After this many failed attempts a message is marked failed and left for staff to inspect. */
export const MAX_OUTBOX_ATTEMPTS = 8

/** Seconds to wait before retry number `attempts` (1-based): 2, 4, 8, ... capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 2 ** Math.max(1, attempts))
}
