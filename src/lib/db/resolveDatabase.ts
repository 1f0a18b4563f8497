import path from 'node:path'
import { config, useDatabaseUrl } from '../config.ts'
import { ensureDatabase, startEmbeddedPostgres } from './embeddedPostgres.ts'

export type ResolvedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> }

/** Where the embedded server keeps its files when DATABASE_URL is unset. */
export const EMBEDDED_DATA_DIR = path.resolve('.data', 'pg')

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/pg, started now. */
export async function resolveDatabase(log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined }
  const server = await startEmbeddedPostgres(EMBEDDED_DATA_DIR, log)
  const url = await ensureDatabase(server.url, 'platform')
  useDatabaseUrl(url)
  return { url, embedded: true, stop: server.stop }
}
