import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { waitUntil } from './wait.ts'

/** Every address a message was sent to. */
export function recipients(message: ParsedMail): string[] {
  const to = Array.isArray(message.to) ? message.to : message.to ? [message.to] : []
  return to.flatMap((group) => group.value.map((entry) => entry.address ?? ''))
}

/** A header exactly as sent (`Name: value`, unfolded), or undefined; mailparser parses some (List-*) into objects. */
export function headerLine(message: ParsedMail, name: string): string | undefined {
  return message.headerLines.find((line) => line.key === name.toLowerCase())?.line.replace(/\r?\n[ \t]+/g, ' ')
}

export type SmtpCapture = {
  url: string
  messages: ParsedMail[]
  /** Resolves with the first captured message matching `predicate`, waiting up to `timeoutMs`. */
  waitFor(predicate: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>
  close(): Promise<void>
}

/** A real SMTP server on a random port that keeps every message it receives, parsed. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push(parsed)
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(predicate, timeoutMs = 10_000) {
      const found = await waitUntil(() => messages.find(predicate), { timeoutMs, everyMs: 50 })
      if (found) return found
      throw new Error(`no matching email within ${timeoutMs} ms (captured: ${messages.map((m) => m.subject).join(', ') || 'none'})`)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
