import type { Payload } from 'payload'
import { sendWaitingDigest } from '../domain/crm/sendWaitingDigest.ts'

/** Daily: staff get one digest of the CRM bookings nobody has looked at for 24 hours. */
export const crmWaitingDigest = (payload: Payload, now: Date) => sendWaitingDigest(payload, now)
