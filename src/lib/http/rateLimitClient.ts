import type { Request, Response } from 'express'
import { verifyAccessToken } from '../../domain/auth/accessTokens.ts'
import { accessTokenFromHeaders } from '../../domain/auth/platformTokenStrategy.ts'
import { config } from '../config.ts'
import { TooManyRequestsError } from '../errors.ts'
import { consume, limiter } from '../rateLimit.ts'
import { ACCESS_COOKIE } from './authCookies.ts'
import { headersOf } from './authenticate.ts'

type Tier = 'anonymous' | 'authenticated' | 'premium'

/**
 * Spec 001's per-client budget (anonymous 100/h by IP, authenticated 1000/h, premium 5000/h by user),
 * with RateLimit-* headers. The tier comes from the access token's signed claims: no database read.
 */
export async function applyClientRateLimit(req: Request, res: Response): Promise<void> {
  const { key, tier } = await identify(req)
  const points = { anonymous: config.RATE_LIMIT_ANON_PER_HOUR, authenticated: config.RATE_LIMIT_AUTH_PER_HOUR, premium: config.RATE_LIMIT_PREMIUM_PER_HOUR }[tier]
  res.set('RateLimit-Policy', `${points};w=3600`)
  res.set('RateLimit-Limit', String(points))
  try {
    const state = await consume(limiter(`client-${tier}`, { points, durationSeconds: 3600 }), key)
    res.set('RateLimit-Remaining', String(state.remainingPoints))
    res.set('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)))
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      res.set('RateLimit-Remaining', '0')
      res.set('RateLimit-Reset', String(error.retryAfterSeconds))
      throw new TooManyRequestsError(error.retryAfterSeconds, `Request was throttled. Expected available in ${error.retryAfterSeconds} seconds.`)
    }
    throw error
  }
}

async function identify(req: Request): Promise<{ key: string; tier: Tier }> {
  const cookie: unknown = req.cookies?.[ACCESS_COOKIE]
  const token = accessTokenFromHeaders(headersOf(req)) ?? (typeof cookie === 'string' ? cookie : null)
  const claims = token ? await verifyAccessToken(token) : null
  if (!claims) return { key: `ip:${req.ip}`, tier: 'anonymous' }
  return { key: `user:${claims.sub}`, tier: claims.tier === 'premium' ? 'premium' : 'authenticated' }
}
