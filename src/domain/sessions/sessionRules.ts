/** Cancellations later than this before the start are recorded as late (and not refunded). */
const FREE_CANCELLATION_MS = 24 * 3_600_000

export function isLateCancellation(scheduledAt: Date, now: Date): boolean {
  return scheduledAt.getTime() - now.getTime() < FREE_CANCELLATION_MS
}

/** A session's price in cents: the friend's hourly rate for its duration, rounded to the cent. */
export function sessionPriceCents(rateCentsPerHour: number, durationMinutes: number): number {
  return Math.round((rateCentsPerHour * durationMinutes) / 60)
}
