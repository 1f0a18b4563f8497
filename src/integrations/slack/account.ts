import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { AppError } from '../../lib/errors.ts'

const AuthTest = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  team: z.string().optional(),
  user: z.string().optional(),
  team_id: z.string().optional(),
})

/** Slack's auth.test: validates a token at connect time (Slack answers 200 with ok:false on a bad token). */
export async function slackAccount(token: string): Promise<{ team?: string; user?: string; team_id?: string }> {
  const res = await fetch(`${config.SLACK_API_URL.replace(/\/+$/, '')}/auth.test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    signal: AbortSignal.timeout(15_000),
  })
  const body = AuthTest.safeParse(await res.json().catch(() => null))
  if (!body.success) throw new AppError('slack answered an unexpected body', 502)
  if (!body.data.ok) throw new AppError(`slack rejected the token: ${body.data.error ?? 'unknown error'}`, 400)
  return { team: body.data.team, user: body.data.user, team_id: body.data.team_id }
}
