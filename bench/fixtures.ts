import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { signAccessToken } from '../src/domain/auth/accessTokens.ts'
import { reloadConfig } from '../src/lib/config.ts'
import { withClient } from '../src/lib/db/pgClient.ts'

/**
 * Bulk data for the load scenarios, written with SQL (creating thousands of rows through the API would
 * take minutes and is not what is measured). Tokens are signed by the server's own signAccessToken.
 */
export async function seedEvents(databaseUrl: string, count: number): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO events (name, description_text, event_type_id, start_datetime, end_datetime, timezone, location_name, location_city,
         location_country, max_attendees, seats_taken, price_cents, currency, is_published, status, updated_at, created_at)
       SELECT 'Load event ' || n, 'Generated for the benchmark, number ' || n, (SELECT id FROM event_types ORDER BY value LIMIT 1),
         now() + (n || ' hours')::interval, now() + (n || ' hours')::interval + interval '2 hours', 'UTC', 'Hall ' || (n % 7),
         (ARRAY['Lisbon', 'Paris', 'Berlin'])[n % 3 + 1], 'Europe', 100, n % 50, (n % 4) * 1000, 'EUR', true, 'active', now(), now()
       FROM generate_series(1, $1) AS n`,
      [count],
    )
  })
}

/** An open, unlimited free event and `count` members with a live session each, plus their access tokens. */
export async function seedContention(
  databaseUrl: string,
  jwtSecret: string,
  count: number,
): Promise<{ eventId: number; tokens: string[] }> {
  const { eventId, sessions } = await withClient(databaseUrl, (client) => seedSessions(client, count))
  // Sign as the platform does, with its secret; an hour (not the default 15 minutes) outlasts any bench run.
  reloadConfig({ JWT_SECRET: jwtSecret, ACCESS_TOKEN_TTL: '1h' })
  const tokens = await Promise.all(
    sessions.map(
      async ({ userId, family }) => (await signAccessToken({ userId, roles: ['user'], sessionId: family, tier: 'standard' })).token,
    ),
  )
  return { eventId, tokens }
}

type Session = { userId: number; family: string }

async function seedSessions(client: pg.Client, count: number): Promise<{ eventId: number; sessions: Session[] }> {
  const event = await client.query<{ id: number }>(
    `INSERT INTO events (name, event_type_id, start_datetime, end_datetime, timezone, max_attendees, seats_taken, price_cents, currency, is_published, status, updated_at, created_at)
     VALUES ('Contended launch', (SELECT id FROM event_types ORDER BY value LIMIT 1), now() + interval '3 days', now() + interval '3 days 2 hours',
       'UTC', 0, 0, 0, 'EUR', true, 'active', now(), now()) RETURNING id`,
  )
  const users = await client.query<{ id: number }>(
    `INSERT INTO users (email, is_active, is_verified, updated_at, created_at)
     SELECT 'load-' || gen_random_uuid() || '@bench.test', true, true, now(), now() FROM generate_series(1, $1) RETURNING id`,
    [count],
  )
  const sessions = users.rows.map((user) => ({ userId: user.id, family: randomUUID() }))
  await client.query(
    `INSERT INTO refresh_tokens (token_hash, family, user_id, expires_at, family_expires_at, updated_at, created_at)
     SELECT md5(random()::text) || md5(random()::text), family, user_id, now() + interval '1 day', now() + interval '1 day', now(), now()
     FROM unnest($1::text[], $2::int[]) AS s(family, user_id)`,
    [sessions.map((session) => session.family), sessions.map((session) => session.userId)],
  )
  return { eventId: event.rows[0].id, sessions }
}
