import { config } from '../../lib/config.ts'
import { limiter } from '../../lib/rateLimit.ts'

/** Messages per sender per minute (RATE_LIMIT_CHAT_PER_MINUTE), whichever interface they come through. */
export const chatLimits = {
  messagesBySender: () => limiter('chat-messages-sender', { points: config.RATE_LIMIT_CHAT_PER_MINUTE, durationSeconds: 60 }),
}
