import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transport, type Transporter } from 'nodemailer'
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import { config } from '../config.ts'
import { logger } from '../logger.ts'

/** `"Name <address>"` or a bare address, as EMAIL_FROM documents. */
export function parseFromAddress(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value)
  if (match) return { name: match[1].replace(/^"|"$/g, '') || match[2], address: match[2] }
  return { name: value.trim(), address: value.trim() }
}

/**
 * Without SMTP_URL, messages are written to the log instead of being sent, so development needs no
 * mail server and never reaches out to a third party (nodemailer's default would call ethereal.email).
 */
function logTransport(): Transporter {
  const transport = nodemailer.createTransport({ jsonTransport: true })
  transport.use('compile', (mail, done) => {
    const { to, subject, text } = mail.data
    logger.info({ email: { to, subject, text } }, 'email (not sent: SMTP_URL is unset)')
    done()
  })
  return transport
}

/**
 * SMTP_URL as a pooled transport: up to 8 connections stay open and carry message after message (a new
 * TCP + SMTP handshake per email capped delivery at a few per second). Options in the URL's query win.
 * Closing (server shutdown) hangs up the idle connections; a later message opens a new pool, so one
 * process can stop a server and start another (tests, a second instance).
 */
function reopenableSmtpPool(url: string): Transport<SMTPPool.SentMessageInfo> {
  let pool: SMTPPool | undefined
  const open = () => (pool ??= new SMTPPool({ pool: true, url, maxConnections: 8, maxMessages: 1000 }))
  return {
    name: 'SMTP (pool)',
    version: '1',
    send: (mail, callback) => open().send(mail, callback),
    close() {
      pool?.close()
      pool = undefined
    },
  }
}

let openTransport: Transporter | undefined

/** Hangs up the pooled SMTP connections (server shutdown). */
export function closeEmailTransport(): void {
  openTransport?.close()
}

export function buildEmailAdapter() {
  const from = parseFromAddress(config.EMAIL_FROM)
  const transport = config.SMTP_URL ? nodemailer.createTransport(reopenableSmtpPool(config.SMTP_URL)) : logTransport()
  openTransport = transport
  if (!config.SMTP_URL && config.isProduction) logger.warn('SMTP_URL is unset: emails are logged, not sent')
  // Delivery problems surface per message in the outbox (retried with backoff), not at boot.
  return nodemailerAdapter({ defaultFromAddress: from.address, defaultFromName: from.name, transport, skipVerify: true })
}
