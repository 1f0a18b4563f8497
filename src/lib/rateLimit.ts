import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { config } from './config.ts'
import { TooManyRequestsError } from './errors.ts'
import { logger } from './logger.ts'

/**
 * Named limiters over one store: in memory for a single instance, Redis (REDIS_URL) when scaled out so
 * every instance counts the same requests. Created on first use, after configuration is final.
 */
let redis: Redis | undefined
const limiters = new Map<string, RateLimiterAbstract>()

export type LimiterSpec = { points: number; durationSeconds: number; blockSeconds?: number }

export function limiter(name: string, spec: LimiterSpec): RateLimiterAbstract {
  const key = `${name}:${spec.points}:${spec.durationSeconds}`
  let found = limiters.get(key)
  if (!found) {
    const options = { keyPrefix: `rl:${name}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 }
    found = config.REDIS_URL
      ? new RateLimiterRedis({ ...options, storeClient: redisClient(config.REDIS_URL) })
      : new RateLimiterMemory(options)
    limiters.set(key, found)
  }
  return found
}

function redisClient(url: string): Redis {
  if (!redis) {
    redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false })
    redis.on('error', (error) => logger.error({ err: error }, 'rate limit store error'))
  }
  return redis
}

/** Takes one point from the key's budget; throws 429 (with Retry-After, and `detail` if given) when it is spent. */
export async function consume(
  target: RateLimiterAbstract,
  key: string,
  detail?: (retryAfterSeconds: number) => string,
): Promise<RateLimiterRes> {
  try {
    return await target.consume(key, 1)
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
      throw new TooManyRequestsError(retryAfterSeconds, detail?.(retryAfterSeconds))
    }
    throw rejection
  }
}

/** Throws 429 when the key has no budget left, without spending any. */
export async function assertNotLimited(target: RateLimiterAbstract, key: string): Promise<void> {
  const state = await target.get(key)
  if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) throw new TooManyRequestsError(state.msBeforeNext / 1000)
}

export async function closeRateLimitStore(): Promise<void> {
  limiters.clear()
  await redis?.quit().catch(() => undefined)
  redis = undefined
}
