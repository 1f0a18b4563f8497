import { z } from 'zod'

const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address.'))
  .transform((value) => value.toLowerCase())

export const JoinWaitlistBody = z.object({ email, source: z.string().trim().max(100).nullish() })
export const WaitlistStatusQuery = z.object({ email })

export const JoinWaitlistOut = z.object({ message: z.string(), waitlist_position: z.number() })
export const WaitlistStatusOut = z.object({ on_waitlist: z.boolean(), waitlist_position: z.number(), confirmation_sent: z.boolean() })
