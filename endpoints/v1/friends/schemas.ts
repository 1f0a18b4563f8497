import { z } from 'zod'
import { Availability, AvailabilityWindow } from '../../../src/domain/friends/availability.ts'
import { FRIEND_ORDERING } from '../../../src/domain/friends/friendDirectory.ts'
import { PersonCardOut } from '../../../src/http/humanlinkSchemas.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'
import { isValidTimezone } from '../../../src/lib/validation/identity.ts'
import { isCurrency } from '../../../src/lib/validation/money.ts'

export const ListFriendsQuery = humanlinkListParams(Object.keys(FRIEND_ORDERING)).transform(toListQuery)

export const UpdateFriendBody = z
  .object({
    bio: z.string().trim().max(4000).nullable().optional(),
    rate: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine((value) => /^\d{1,7}(\.\d{1,3})?$/.test(value.trim()), 'Enter the hourly rate as a decimal string, e.g. "29.99".')
      .optional(),
    currency: z
      .string()
      .transform((value) => value.trim().toUpperCase())
      .refine(isCurrency, 'Enter an ISO 4217 currency code, e.g. USD.')
      .optional(),
    timezone: z.string().refine(isValidTimezone, 'Enter an IANA time zone, e.g. Europe/Paris.').optional(),
    availability: Availability.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'Nothing to change.', path: ['non_field_errors'] })

export const FriendOut = PersonCardOut.extend({
  bio: z.string().nullable(),
  rate: z.string(),
  currency: z.string(),
  timezone: z.string(),
  availability: z.array(AvailabilityWindow),
  average_rating: z.number().nullable(),
  rating_count: z.number(),
})
