import { secretValues } from './secretValues.ts'

/** How many recent log lines the process keeps for GET /api/v1/system/logs. */
export const LOG_RING_LINES = 1000

// Credentials that can appear inside free text (messages, URLs, error strings), whatever field holds them.
const SECRET_PATTERNS: RegExp[] = [
  /\bBearer\s+[\w.~+/=-]+/gi,
  /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, // JWTs
  /\b(?:sk|rk|pk)_(?:test|live)_\w+/g, // Stripe keys
  /\bwhsec_\w+/g,
  /\b(?:gh[pousr]_|xox[abprs]-)[\w-]+/g, // GitHub and Slack tokens
  /(?<=\/\/[^/:@\s]+:)[^@\s/]+(?=@)/g, // the password of user:password@host URLs
  /(?<="(?:password|token|secret|access_token|refresh_token|api_key|apiKey|authorization)"\s*:\s*")[^"]*/gi,
]

/** The line with every configured secret value and every credential-looking string replaced. */
export function redactSecrets(line: string): string {
  let out = line
  for (const value of secretValues()) out = out.split(value).join('[redacted]')
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]')
  return out
}

/** A pino destination keeping the last LOG_RING_LINES lines, redacted when written. */
export function createLogRing(capacity = LOG_RING_LINES) {
  const lines: string[] = []
  let next = 0
  return {
    write(chunk: string): void {
      const line = redactSecrets(chunk.trimEnd())
      if (lines.length < capacity) lines.push(line)
      else lines[next] = line
      next = (next + 1) % capacity
    },
    /** The newest `count` lines, oldest first. */
    last(count: number): string[] {
      const ordered = lines.length < capacity ? lines : [...lines.slice(next), ...lines.slice(0, next)]
      return ordered.slice(Math.max(0, ordered.length - count))
    },
  }
}

export const logRing = createLogRing()
