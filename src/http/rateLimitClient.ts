import type { Request, Response } from 'express'
import type { AccessClaims } from '../domain/auth/accessTokens.ts'
import { config } from '../lib/config.ts'
import { TooManyRequestsError } from '../lib/errors.ts'
import { consume, limiter } from '../lib/rateLimit.ts'

type Tier = 'anonymous' | 'authenticated' | 'premium'

/**
 * Spec 001's per-client budget (anonymous 100/h by IP, authenticated 1000/h, premium 5000/h by user),
 * with RateLimit-* headers. The tier comes from the access token's signed claims: no database read.
 */
export async function applyClientRateLimit(req: Request, res: Response, claims: AccessClaims | null): Promise<void> {
  const { key, tier } = identify(req, claims)
  const points = {
    anonymous: config.RATE_LIMIT_ANON_PER_HOUR,
    authenticated: config.RATE_LIMIT_AUTH_PER_HOUR,
    premium: config.RATE_LIMIT_PREMIUM_PER_HOUR,
  }[tier]
  res.set('RateLimit-Policy', `${points};w=3600`)
  res.set('RateLimit-Limit', String(points))
  try {
    const state = await consume(
      limiter(`client-${tier}`, { points, durationSeconds: 3600 }),
      key,
      (seconds) => `Request was throttled. Expected available in ${seconds} seconds.`,
    )
    res.set('RateLimit-Remaining', String(state.remainingPoints))
    res.set('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)))
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      res.set('RateLimit-Remaining', '0')
      res.set('RateLimit-Reset', String(error.retryAfterSeconds))
    }
    throw error
  }
}

/** `claims`: the request's access token (header, else cookie; see credentialsOf), verified by the caller. */
function identify(req: Request, claims: AccessClaims | null): { key: string; tier: Tier } {
  if (!claims) return { key: `ip:${req.ip}`, tier: 'anonymous' }
  return { key: `user:${claims.sub}`, tier: claims.tier === 'premium' ? 'premium' : 'authenticated' }
}
