import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import pg from 'pg'
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../src/domain/auth/accessTokens.ts'

/**
 * Bulk data for the load scenarios, written with SQL (creating thousands of rows through the API would
 * take minutes and is not what is measured). Tokens are signed exactly as the server signs them.
 */
export async function seedEvents(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(
      `INSERT INTO events (name, description_text, event_type_id, start_datetime, end_datetime, timezone, location_name, location_city,
         location_country, max_attendees, seats_taken, price_cents, currency, is_published, status, updated_at, created_at)
       SELECT 'Load event ' || n, 'Generated for the benchmark, number ' || n, (SELECT id FROM event_types ORDER BY value LIMIT 1),
         now() + (n || ' hours')::interval, now() + (n || ' hours')::interval + interval '2 hours', 'UTC', 'Hall ' || (n % 7),
         (ARRAY['Lisbon', 'Paris', 'Berlin'])[n % 3 + 1], 'Europe', 100, n % 50, (n % 4) * 1000, 'EUR', true, 'active', now(), now()
       FROM generate_series(1, $1) AS n`,
      [count],
    )
  } finally {
    await client.end()
  }
}

/** An open, unlimited free event and `count` members with a live session each, plus their access tokens. */
export async function seedContention(databaseUrl: string, jwtSecret: string, count: number): Promise<{ eventId: number; tokens: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
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
    const key = new TextEncoder().encode(jwtSecret)
    const tokens = await Promise.all(
      sessions.map(({ userId, family }) =>
        new SignJWT({ roles: ['user'], type: 'access', sid: family, tier: 'standard' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(String(userId))
          .setAudience(ACCESS_TOKEN_AUDIENCE)
          .setIssuer(ACCESS_TOKEN_ISSUER)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key),
      ),
    )
    return { eventId: event.rows[0].id, tokens }
  } finally {
    await client.end()
  }
}
