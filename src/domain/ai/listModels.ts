import type { PayloadRequest, TypedUser } from 'payload'
import { config } from '../../lib/config.ts'

export type ModelEntry = {
  id: string
  name: string
  provider: string
  model_type: string
  available: boolean
  status?: string
  accuracy?: number | null
  training_id?: string
}

/** Models each provider is known for; `available` says whether this server has the provider's key. */
const CATALOG: { provider: 'openai' | 'google' | 'replicate'; names: string[]; configured: () => boolean }[] = [
  { provider: 'openai', names: ['gpt-4o', 'gpt-4o-mini', 'gpt-4'], configured: () => Boolean(config.OPENAI_API_KEY) },
  { provider: 'google', names: ['gemini-1.5-pro', 'gemini-1.5-flash', 'gemini-pro'], configured: () => Boolean(config.GOOGLE_AI_API_KEY) },
  {
    provider: 'replicate',
    names: ['meta/meta-llama-3-8b-instruct', 'mistralai/mistral-7b-instruct-v0.2'],
    configured: () => Boolean(config.REPLICATE_API_TOKEN),
  },
]

/** The providers' models and the caller's own trained models, filtered by model_type and provider. */
export async function listModels(
  req: PayloadRequest,
  user: TypedUser,
  filters: { model_type?: string; provider?: string },
): Promise<ModelEntry[]> {
  const hosted: ModelEntry[] = CATALOG.flatMap(({ provider, names, configured }) =>
    names.map((name) => ({ id: `${provider}:${name}`, name, provider, model_type: 'text', available: configured() })),
  )
  const trained = await req.payload.find({
    collection: 'ai-models',
    where: { owner: { equals: user.id } },
    select: { model_name: true, model_type: true, status: true, accuracy: true },
    sort: '-createdAt',
    limit: 200,
    depth: 0,
    overrideAccess: false,
    req,
  })
  const local: ModelEntry[] = trained.docs.map((doc) => ({
    id: `local:${doc.model_name}`,
    name: doc.model_name,
    provider: 'local',
    model_type: doc.model_type,
    available: doc.status === 'completed',
    status: doc.status,
    accuracy: doc.accuracy ?? null,
    training_id: String(doc.id),
  }))
  return [...hosted, ...local].filter(
    (entry) =>
      (!filters.provider || entry.provider === filters.provider) && (!filters.model_type || entry.model_type === filters.model_type),
  )
}
