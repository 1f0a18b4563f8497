import { z } from 'zod'

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/

/** One weekly window in the friend's timezone: weekday 0-6 (Monday 0), start and end "HH:MM", end after start. */
export const AvailabilityWindow = z
  .object({
    weekday: z.number().int().min(0).max(6),
    start: z.string().regex(CLOCK, 'Use "HH:MM" (24-hour clock).'),
    end: z.string().regex(CLOCK, 'Use "HH:MM" (24-hour clock; "24:00" for midnight).'),
  })
  .refine((window) => minutesOf(window.end) > minutesOf(window.start), { message: 'end must be after start.', path: ['end'] })
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>

export const Availability = z.array(AvailabilityWindow).max(100)

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number)
  return hours * 60 + minutes
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The weekday (Monday 0) and minute of the day of `instant` on the wall clock of `timezone`. */
export function localTime(instant: Date, timezone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? ''
  return { weekday: WEEKDAYS.indexOf(part('weekday')), minute: Number(part('hour')) * 60 + Number(part('minute')) }
}

/**
 * Why a slot of `durationMinutes` from `start` is outside the friend's weekly availability, or null when
 * windows hold all of it (on the friend's wall clock, so daylight-saving shifts are the friend's). A slot
 * across midnight needs a window to 24:00 on the first day and one from 00:00 on the next.
 */
export function availabilityProblem(start: Date, durationMinutes: number, windows: AvailabilityWindow[], timezone: string): string | null {
  if (windows.length === 0) return 'This friend has not published any availability.'
  const from = localTime(start, timezone)
  const to = localTime(new Date(start.getTime() + durationMinutes * 60_000), timezone)
  const nextDay = (from.weekday + 1) % 7
  const pieces =
    to.weekday === from.weekday && to.minute > from.minute
      ? [{ weekday: from.weekday, start: from.minute, end: to.minute }]
      : to.weekday === nextDay
        ? [
            { weekday: from.weekday, start: from.minute, end: 1440 },
            { weekday: nextDay, start: 0, end: to.minute },
          ].filter((piece) => piece.end > piece.start)
        : null
  if (!pieces) return "The slot does not fit the friend's calendar."
  const missing = pieces.find(
    (piece) =>
      !windows.some(
        (window) => window.weekday === piece.weekday && minutesOf(window.start) <= piece.start && piece.end <= minutesOf(window.end),
      ),
  )
  if (!missing) return null
  const day = WEEKDAYS[missing.weekday]
  const hours = windows.filter((window) => window.weekday === missing.weekday).map((window) => `${window.start}-${window.end}`)
  return hours.length > 0
    ? `The friend is available on ${day} only ${hours.join(', ')} (${timezone}).`
    : `The friend is not available on ${day} (${timezone}).`
}
