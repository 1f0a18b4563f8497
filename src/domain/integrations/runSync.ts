import { createLocalReq, type Payload } from 'payload'
import { githubRepositories, type GithubRepo } from '../../integrations/github/sync.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { logger } from '../../lib/logger.ts'
import { createItem } from '../items/createItem.ts'
import { freshAccessToken } from './freshAccessToken.ts'
import { integrationById, setSyncState } from './integrationRecords.ts'

const repoItem = (repo: GithubRepo) => ({
  title: repo.full_name.slice(0, 255),
  description: repo.description,
  item_type: 'github_repository',
  status: 'draft' as const,
  content: { url: repo.html_url, language: repo.language ?? null, stars: repo.stargazers_count ?? 0 },
  metadata: { source: 'github', github_id: repo.id, private: repo.private, updated_at: repo.updated_at ?? null },
})

/**
 * The outbox handler of `integrations.sync`: queued -> syncing -> completed | failed. GitHub repositories
 * become the owner's items (type github_repository); a repository synced before is not created again.
 */
export async function runSync(payload: Payload, integrationId: number): Promise<void> {
  if (!(await setSyncState(payload, integrationId, 'queued', 'syncing', { progress: { done: 0 } }))) return // redelivered
  try {
    const row = await integrationById(poolOf(payload), integrationId)
    if (!row) return
    const token = await freshAccessToken(payload, integrationId)
    const repos = await githubRepositories(token, (done) =>
      setSyncState(payload, integrationId, 'syncing', 'syncing', { progress: { done } }).then(() => undefined),
    )
    const owner = await payload.findByID({ collection: 'users', id: row.owner_id, depth: 0, overrideAccess: true })
    const req = await createLocalReq({ user: { ...owner, collection: 'users' } }, payload)
    const refs: Record<string, number> = { ...(row.synced_refs ?? {}) }
    let created = 0
    for (const repo of repos) {
      if (refs[String(repo.id)]) continue
      refs[String(repo.id)] = (await createItem(req, row.owner_id, repoItem(repo))).id
      created++
    }
    await setSyncState(payload, integrationId, 'syncing', 'completed', {
      progress: { done: repos.length, total: repos.length, created },
      itemsSynced: repos.length,
      refs,
    })
  } catch (error) {
    // The sync's outcome, shown in status; the outbox message itself is done.
    logger.warn({ err: error, integrationId }, 'integration sync failed')
    await setSyncState(payload, integrationId, 'syncing', 'failed', { error: error instanceof Error ? error.message : String(error) })
  }
}
