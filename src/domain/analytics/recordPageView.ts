import type { Payload, TypedUser } from 'payload'
import { usageRecorderFor } from './usageRecorder.ts'

/** A page view an app reports: buffered and written with the API calls' batches. */
export function recordPageView(payload: Payload, user: TypedUser | null, page: string): void {
  usageRecorderFor(payload).record({
    eventType: 'page_view',
    endpoint: page,
    method: 'VIEW',
    statusCode: 200,
    durationMs: 0,
    userId: user ? Number(user.id) : null,
    errorMessage: null,
    occurredAt: new Date(),
  })
}
