import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { hash, verify } from '@node-rs/argon2'

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. (`Algorithm.Argon2id` is 2; the const enum cannot be imported under isolatedModules.) */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`

/** What is stored: Payload's `hash` and `salt` columns. Ours: hash = argon2id PHC string, salt = null. */
export type StoredPassword = { hash?: string | null; salt?: string | null }
export type PasswordCheck = { valid: boolean; needsRehash: boolean }

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

/**
 * Verifies a password against whatever scheme stored it: our argon2id, or Payload's PBKDF2-SHA256
 * (current `pbkdf2-sha256-v1:` 600k iterations, or its legacy 25k/512-byte form). Anything that is not
 * argon2id with today's parameters needs a rehash.
 */
export async function verifyPassword(stored: StoredPassword, password: string): Promise<PasswordCheck> {
  const storedHash = stored.hash ?? ''
  if (storedHash.startsWith('$argon2')) {
    const valid = await verify(storedHash, password).catch(() => false)
    return { valid, needsRehash: valid && !storedHash.startsWith(CURRENT_PREFIX) }
  }
  if (storedHash && stored.salt) return { valid: await verifyPayloadPbkdf2(storedHash, stored.salt, password), needsRehash: true }
  return { valid: false, needsRehash: false }
}

/**
 * The only PBKDF2 left: checking a hash Payload's local strategy wrote before it was turned off, once per
 * account (the sign-in then stores argon2id). Looked up on `crypto` at call time, like Payload's own.
 */
async function verifyPayloadPbkdf2(storedHash: string, salt: string, password: string): Promise<boolean> {
  const current = storedHash.startsWith('pbkdf2-sha256-v1:')
  const expected = Buffer.from(current ? storedHash.slice('pbkdf2-sha256-v1:'.length) : storedHash, 'hex')
  const derived = await promisify(crypto.pbkdf2)(password, salt, current ? 600_000 : 25_000, current ? 32 : 512, 'sha256')
  return derived.length === expected.length && crypto.timingSafeEqual(derived, expected)
}

/**
 * Verifying this for unknown accounts makes "no such user" cost as much as "wrong password", so response
 * times do not reveal which identifiers exist.
 */
let dummyHash: Promise<string> | undefined
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy password for timing equalisation')
  await verify(await dummyHash, password).catch(() => false)
}
