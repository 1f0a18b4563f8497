import type { AddressInfo } from 'node:net'
import nodemailer from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { withClient } from '../src/lib/db/pgClient.ts'
import { OUTBOX_WAKEUP_CHANNEL } from '../src/domain/outbox/wakeWorkers.ts'
import { OUTBOX_IN_FLIGHT } from '../src/jobs/drainOutbox.ts'

export type SmtpSink = { url: string; host: string; port: number; received(): number; close(): Promise<void> }
export type OutboxBench = {
  emails: number
  platform_emails_per_s: number
  raw_pooled_emails_per_s: number
  ratio: number
  limit_emails_per_s: number
  limit_ratio: number
  pass: boolean
}

const EMAILS = 2000

/** A local SMTP server that accepts and counts messages (reads each one to its end, parses nothing). */
export async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined)
      stream.on('end', () => {
        received++
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const message = (i: number) => ({
  from: 'Platform <no-reply@bench.test>',
  to: `reader-${i}@bench.test`,
  subject: `Your ticket ${i}`,
  text: `You're registered. Ticket code: BENCH-${i}.\n\nShow it at the entrance.`,
})

/**
 * Outbox delivery against a raw nodemailer pooled transport, same sink, same run: the raw one sends
 * EMAILS messages with as many in flight as the outbox allows; the platform drains EMAILS email.send rows
 * (inserted in one statement, then the workers are woken with the existing NOTIFY) until the sink has them.
 */
export async function measureOutbox(databaseUrl: string, sink: SmtpSink): Promise<OutboxBench> {
  process.stdout.write(`outbox email delivery (${EMAILS} emails) -> platform and raw nodemailer pool\n`)
  const raw = await rawPooled(sink)
  await waitFor(async () => (await pendingOutbox(databaseUrl)) === 0, 60_000) // sign-up emails of earlier scenarios
  const before = sink.received()
  const started = performance.now()
  await withClient(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO outbox (topic, data, status, priority, attempts, available_at)
       SELECT 'email.send', jsonb_build_object('to', 'reader-' || n || '@bench.test', 'subject', 'Your ticket ' || n,
         'text', 'You''re registered. Ticket code: BENCH-' || n || E'.\\n\\nShow it at the entrance.'), 'pending', 'transactional', 0, now()
       FROM generate_series(1, $1) AS n`,
      [EMAILS],
    )
    await client.query(`SELECT pg_notify($1, '')`, [OUTBOX_WAKEUP_CHANNEL])
  })
  await waitFor(() => sink.received() - before >= EMAILS, 120_000)
  const platform = Math.round(EMAILS / ((performance.now() - started) / 1000))
  const ratio = Math.round((platform / raw) * 100) / 100
  return {
    emails: EMAILS,
    platform_emails_per_s: platform,
    raw_pooled_emails_per_s: raw,
    ratio,
    limit_emails_per_s: 300,
    limit_ratio: 0.5,
    pass: platform >= 300 && ratio >= 0.5,
  }
}

async function rawPooled(sink: SmtpSink): Promise<number> {
  const transport = nodemailer.createTransport({ pool: true, host: sink.host, port: sink.port, maxConnections: 8, maxMessages: 1000 })
  const started = performance.now()
  let next = 0
  await Promise.all(
    Array.from({ length: OUTBOX_IN_FLIGHT }, async () => {
      for (let i = next++; i < EMAILS; i = next++) await transport.sendMail(message(i))
    }),
  )
  const perSecond = Math.round(EMAILS / ((performance.now() - started) / 1000))
  transport.close()
  return perSecond
}

async function pendingOutbox(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'processing')`)).rows[0].n),
  )
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`outbox bench: not done within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
