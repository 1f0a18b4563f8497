import { logRing } from '../../lib/logRing.ts'

/** The last `lines` log lines of this process, oldest first, redacted (JSON lines as pino wrote them). */
export function recentLogs(lines: number): string[] {
  return logRing.last(lines)
}
