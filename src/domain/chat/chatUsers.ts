import type { PayloadRequest, Where } from 'payload'

/** What the chat shows of a user, and the roles that decide which side of a private room they are on. */
export type ChatUser = { id: number; email: string | null; username: string | null; fullName: string | null; roles: string[] }

const SELECT = { email: true, username: true, full_name: true, roles: true } as const

async function findUsers(req: PayloadRequest, where: Where): Promise<ChatUser[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    // overrideAccess: the chat shows participants' names to each other, whatever the users collection lets them list.
    overrideAccess: true,
    req,
    depth: 0,
    pagination: false,
    where,
    select: SELECT,
  })
  return docs.map((user) => ({
    id: user.id,
    email: user.email ?? null,
    username: user.username ?? null,
    fullName: user.full_name ?? null,
    roles: user.roles ?? [],
  }))
}

/** Active users by email (case-insensitive, emails are stored lower-cased). */
export const usersByEmail = (req: PayloadRequest, emails: string[]) =>
  findUsers(req, { and: [{ email: { in: emails.map((email) => email.toLowerCase()) } }, { is_active: { not_equals: false } }] })

export async function usersById(req: PayloadRequest, ids: number[]): Promise<Map<number, ChatUser>> {
  const unique = [...new Set(ids)]
  const users = unique.length ? await findUsers(req, { id: { in: unique } }) : []
  return new Map(users.map((user) => [user.id, user]))
}

/** The name spec 003's `username` shows: the username, else the full name, else the email. */
export const displayName = (user: ChatUser | undefined): string => user?.username ?? user?.fullName ?? user?.email ?? 'user'
