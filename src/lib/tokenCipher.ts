import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { config } from './config.ts'

/**
 * AES-256-GCM for integration tokens at rest: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), a random
 * 96-bit IV per value. The key ring is INTEGRATIONS_ENCRYPTION_KEYS (`id:base64key,...`): the first key
 * encrypts, every key decrypts, so a new key can be put first and old ciphertexts re-encrypted later.
 */
type KeyRing = { current: string; keys: Map<string, Buffer> }

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>()
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id, encoded] = entry.split(':')
    const key = Buffer.from(encoded ?? '', 'base64')
    if (!/^[\w-]{1,32}$/.test(id) || key.length !== 32) throw new Error('INTEGRATIONS_ENCRYPTION_KEYS: each entry is id:base64 of 32 bytes')
    keys.set(id, key)
  }
  const current = keys.keys().next().value
  if (!current) throw new Error('INTEGRATIONS_ENCRYPTION_KEYS has no key')
  return { current, keys }
}

let ring: { spec: string; parsed: KeyRing } | undefined
function keyRing(): KeyRing {
  if (ring?.spec !== config.INTEGRATIONS_ENCRYPTION_KEYS)
    ring = { spec: config.INTEGRATIONS_ENCRYPTION_KEYS, parsed: parseKeyRing(config.INTEGRATIONS_ENCRYPTION_KEYS) }
  return ring.parsed
}

export function encryptToken(plaintext: string): string {
  const { current, keys } = keyRing()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.')
}

export function decryptToken(stored: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split('.')
  const key = keyRing().keys.get(keyId)
  if (version !== 'v1' || !key) throw new Error(`cannot decrypt a token under key "${keyId}" (not in INTEGRATIONS_ENCRYPTION_KEYS)`)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
}

/** The key id a stored token was encrypted under. */
export const keyIdOf = (stored: string) => stored.split('.')[1]

/** The id of the key new values are encrypted under. */
export const currentKeyId = () => keyRing().current
