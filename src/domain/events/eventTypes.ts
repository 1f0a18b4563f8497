import type { Payload } from 'payload'
import type { EventType } from '../../payload-types.ts'

type Cache = { at: number; types: EventType[] }
const TTL_MS = 30_000
const caches = new WeakMap<Payload, Cache>()

/** All event types, cached for 30 s (a handful of rows staff rarely edit; read on every list). */
export async function eventTypes(payload: Payload): Promise<EventType[]> {
  const cached = caches.get(payload)
  if (cached && Date.now() - cached.at < TTL_MS) return cached.types
  const { docs } = await payload.find({
    collection: 'event-types',
    limit: 200,
    depth: 0,
    pagination: false,
    sort: 'value',
    overrideAccess: true,
  })
  caches.set(payload, { at: Date.now(), types: docs })
  return docs
}

export function forgetEventTypes(payload: Payload): void {
  caches.delete(payload)
}

/** The type with this key (case-insensitive, so spec 004's "SESSION" works), or undefined. */
export async function eventTypeByKey(payload: Payload, key: string): Promise<EventType | undefined> {
  return (await eventTypes(payload)).find((type) => type.key === key.toLowerCase())
}

export async function eventTypeById(payload: Payload, id: number | null | undefined): Promise<EventType | undefined> {
  return id ? (await eventTypes(payload)).find((type) => type.id === id) : undefined
}
