import { startTestApp, type TestApp } from './app.ts'
import { startSmtpCapture, type SmtpCapture } from './smtpCapture.ts'

export type MailApp = { app: TestApp; smtp: SmtpCapture; stop(): Promise<void> }

/** The test app sending its email to a local SMTP capture; `env` adds or overrides configuration. */
export async function startMailApp(env: Record<string, string> = {}): Promise<MailApp> {
  const smtp = await startSmtpCapture()
  const app = await startTestApp({ env: { SMTP_URL: smtp.url, ...env } })
  return {
    app,
    smtp,
    async stop() {
      await app.stop()
      await smtp.close()
    },
  }
}
