import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { hashPassword, verifyPassword } from '../src/domain/auth/passwords.ts'

export type HashCost = { scheme: string; verify_ms_median: number; verifies_per_sec_one_core: number }

/**
 * What one password check costs: our argon2id (m=19456, t=2, p=1) beside the PBKDF2-SHA256 (600k
 * iterations) that Payload's built-in login verifies, measured on this machine with the same verifier.
 */
export async function measureHashCost(samples = 15): Promise<HashCost[]> {
  const password = 'Bench-Password-123'
  const salt = randomBytes(32).toString('hex')
  const payloadHash = `pbkdf2-sha256-v1:${pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex')}`
  const argonHash = await hashPassword(password)
  return [
    await time('argon2id (ours)', samples, () => verifyPassword({ hash: argonHash }, password)),
    await time("PBKDF2-SHA256 600k (Payload's login)", samples, () => verifyPassword({ hash: payloadHash, salt }, password)),
  ]
}

async function time(scheme: string, samples: number, run: () => Promise<{ valid: boolean }>): Promise<HashCost> {
  const durations: number[] = []
  for (let i = 0; i < samples; i++) {
    const started = performance.now()
    if (!(await run()).valid) throw new Error(`${scheme}: verification failed`)
    durations.push(performance.now() - started)
  }
  const median = durations.sort((a, b) => a - b)[Math.floor(samples / 2)]
  return { scheme, verify_ms_median: Math.round(median * 10) / 10, verifies_per_sec_one_core: Math.round(1000 / median) }
}
