import type { Payload } from 'payload'
import { currentKeyId, decryptToken, encryptToken } from '../../lib/tokenCipher.ts'
import { replaceCiphertexts, rowsNotUnderKey } from './integrationRecords.ts'

/**
 * Re-encrypts every token not under the current (first) key of INTEGRATIONS_ENCRYPTION_KEYS. Run after
 * putting a new key first; once it reports 0 rows left, the old key can be removed from the ring.
 */
export async function rotateTokenKeys(payload: Payload): Promise<{ reencrypted: number; keyId: string }> {
  const keyId = currentKeyId()
  const rows = await rowsNotUnderKey(payload, keyId)
  for (const row of rows) {
    const access = encryptToken(decryptToken(row.access_token_enc))
    const refresh = row.refresh_token_enc ? encryptToken(decryptToken(row.refresh_token_enc)) : null
    await replaceCiphertexts(payload, row.id, access, refresh)
  }
  return { reencrypted: rows.length, keyId }
}
