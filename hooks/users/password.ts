import type { CollectionAfterChangeHook, CollectionAfterOperationHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { storeGivenPassword } from '../../src/domain/auth/storeGivenPassword.ts'
import { RequestValidationError } from '../../src/lib/errors.ts'

type Given = { password: string; byCaller: boolean } | null

/**
 * The password of each running users create/update, per request, from `takePassword` to `storePassword`:
 * a stack, because one operation's hooks may run others on the same request (reading users, for example).
 */
const running = new WeakMap<PayloadRequest, Given[]>()
const WRITES = new Set(['create', 'update', 'updateByID'])

/**
 * Takes `password` out of a create/update before Payload sees it: its update operation would hash it
 * with PBKDF2 (600k rounds). `storePassword` stores it as argon2id once the row is written.
 */
export const takePassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const stack = running.get(req) ?? []
  running.set(req, stack)
  const data: unknown = args.data
  const password = data && typeof data === 'object' && 'password' in data ? data.password : undefined
  if (password !== undefined && password !== null && typeof password !== 'string') {
    throw new RequestValidationError({ password: ['Enter the password as text.'] })
  }
  // Set through an interface (admin, REST, GraphQL), access not overridden: the caller chose it.
  stack.push(password ? { password, byCaller: args.overrideAccess !== true } : null)
  if (password === undefined) return args
  const { password: _taken, ...rest } = data as { password: unknown }
  return { ...args, data: rest }
}

/** Stores the taken password as argon2id in the operation's transaction (a failure rolls the change back). */
export const storePassword: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const given = running.get(req)?.at(-1)
  if (!given) return doc
  const self = req.user?.collection === 'users' && req.user.id === doc.id
  const ownSession = (req.user as { _sid?: unknown } | null)?._sid
  await storeGivenPassword(req, doc, given.password, {
    checkPolicy: given.byCaller,
    // A new password for an existing account signs it out everywhere, except the caller's own session.
    signOut: operation === 'update' ? { keep: self && typeof ownSession === 'string' ? ownSession : null } : false,
  })
  return doc
}

export const forgetPassword: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (WRITES.has(operation)) running.get(req)?.pop()
  return result
}
