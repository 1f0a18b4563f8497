/** ISO-8601 in UTC (`...Z`), the one date format of every response (DESIGN.md). */
export function iso(value: string | number | Date): string {
  return new Date(value).toISOString()
}

/** iso(), or null for a missing date. */
export function isoOrNull(value: string | Date | null | undefined): string | null {
  return value ? iso(value) : null
}
