import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A Stripe-looking id: the object's prefix and a random alphanumeric suffix (`pi_3Nf…`, `cs_test_a1…`). */
export function newId(prefix: string, length = 24): string {
  const suffix = [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')
  return `${prefix}_${suffix}`
}

/** Stripe timestamps are unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
