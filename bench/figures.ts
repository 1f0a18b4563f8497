import type { OutboxBench } from './outbox.ts'
import type { Row } from './rows.ts'

/** One hot-path figure of issue 9 beside the limit it is held to. */
export type Figure = { path: string; measured: string; limit: string; ratio: number; required: string; pass: boolean }

const round2 = (value: number) => Math.round(value * 100) / 100

function rowOf(rows: Row[], scenario: string, target: Row['target'] = 'platform'): Row {
  const row = rows.find((candidate) => candidate.scenario === scenario && candidate.target === target)
  if (!row) throw new Error(`bench: no "${scenario}" row for ${target}`)
  return row
}

/** Sign-up, sign-in, outbox delivery and the event list, each with its limit and ratio. */
export function hotPathFigures({
  rows,
  hashing,
  outbox,
}: {
  rows: Row[]
  hashing: { per_second: number; hash_ms: number }
  outbox: OutboxBench
}): Figure[] {
  const signUp = rowOf(rows, 'POST /api/v1/auth/register (distinct users)')
  const login = rowOf(rows, 'POST /api/v1/auth/login (argon2id)')
  const loginAtTwo = rowOf(rows, 'POST /api/v1/auth/login (argon2id, 2 clients)')
  const events = rowOf(rows, 'GET /api/v1/events?limit=20')
  const eventsRaw = rowOf(rows, 'GET /api/v1/events?limit=20', 'baseline')
  const hashLimit = `hashing limit ${hashing.per_second}/s (cores x 1000 / ${hashing.hash_ms} ms)`
  const figure = (path: string, measured: string, limit: string, ratio: number, required: string, pass: boolean): Figure => ({
    path,
    measured,
    limit,
    ratio: round2(ratio),
    required,
    pass,
  })
  const signUpRatio = signUp.requests_per_sec / hashing.per_second
  const loginRatio = login.requests_per_sec / hashing.per_second
  const latencyRatio = loginAtTwo.p50_ms / hashing.hash_ms
  const eventsRatio = events.requests_per_sec / eventsRaw.requests_per_sec
  return [
    figure(
      'POST /api/v1/auth/register, 20 clients',
      `${signUp.requests_per_sec} sign-ups/s`,
      hashLimit,
      signUpRatio,
      '>= 0.7x',
      signUpRatio >= 0.7,
    ),
    figure('POST /api/v1/auth/login, 8 clients', `${login.requests_per_sec} req/s`, hashLimit, loginRatio, '>= 0.7x', loginRatio >= 0.7),
    figure(
      'POST /api/v1/auth/login, 2 clients, p50',
      `${loginAtTwo.p50_ms} ms`,
      `one hash ${hashing.hash_ms} ms`,
      latencyRatio,
      '<= 3x',
      latencyRatio <= 3,
    ),
    figure(
      'outbox email delivery to a local SMTP sink',
      `${outbox.platform_emails_per_s} emails/s`,
      `raw nodemailer pool ${outbox.raw_pooled_emails_per_s} emails/s; 300 emails/s`,
      outbox.ratio,
      '>= 300/s and >= 0.5x',
      outbox.pass,
    ),
    figure(
      'GET /api/v1/events?limit=20',
      `${events.requests_per_sec} req/s`,
      `raw node:http + pg ${eventsRaw.requests_per_sec} req/s`,
      eventsRatio,
      '>= 0.7x',
      eventsRatio >= 0.7,
    ),
  ]
}

export function printFigures(figures: Figure[]): void {
  process.stdout.write('\nhot paths against their limits (issue 9):\n')
  for (const f of figures)
    process.stdout.write(
      `  ${f.path.padEnd(44)} ${f.measured.padStart(18)}  vs ${f.limit}: ${f.ratio}x (required ${f.required}) ${f.pass ? 'PASS' : 'FAIL'}\n`,
    )
}
