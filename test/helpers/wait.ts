import { setTimeout as sleep } from 'node:timers/promises'

export type WaitOptions = { timeoutMs?: number; everyMs?: number }

/**
 * Polls `check` until it returns something truthy and returns that. After `timeoutMs` it returns the
 * last (falsy) value instead of throwing, so the caller's own expect() fails with its usual message.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, { timeoutMs = 10_000, everyMs = 100 }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value || Date.now() >= deadline) return value
    await sleep(everyMs)
  }
}
