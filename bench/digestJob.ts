import { getPayload } from 'payload'
import { closePayload } from '../src/lib/db/closePayload.ts'

/**
 * The digest job of `npm run bench`, in a process of its own on DATABASE_URL: runs sendDigests once at NOW
 * and prints how long composing and enqueueing took, as JSON on stdout.
 */
const { default: payloadConfig } = await import('../payload.config.ts')
const { sendDigests } = await import('../src/domain/notifications/sendDigests.ts')
const payload = await getPayload({ config: payloadConfig })
try {
  const started = performance.now()
  const digests = await sendDigests(payload, new Date(process.env.NOW ?? Date.now()))
  process.stdout.write(`${JSON.stringify({ digests, seconds: Math.round(performance.now() - started) / 1000 })}\n`)
} finally {
  await closePayload(payload)
}
