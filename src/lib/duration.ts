const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 } as const

/** Seconds in a duration written as `90`, `45s`, `15m`, `12h`, `7d` or `2w` (the forms the README documents). */
export function parseDurationSeconds(value: string): number {
  const match = /^(\d+)\s*([smhdw]?)$/.exec(value.trim())
  if (!match) throw new Error(`"${value}" is not a duration like 15m, 12h or 7d`)
  const unit = (match[2] || 's') as keyof typeof UNIT_SECONDS
  return Number(match[1]) * UNIT_SECONDS[unit]
}
