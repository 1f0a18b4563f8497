import type { PayloadRequest } from 'payload'
import { enqueue } from '../outbox/enqueue.ts'

/**
 * Tells the CRM that a registration was created, cancelled or paid, in the transaction of that change:
 * once it commits the CRM is sure to hear of it (the outbox retries until it has). The message names the
 * registration only; the CRM reads its state when it applies it, so late or repeated messages are harmless.
 */
export async function feedCrm(req: PayloadRequest, registrationId: number): Promise<void> {
  await enqueue(req, 'crm.booking', { registration_id: registrationId })
}
