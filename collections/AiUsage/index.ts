import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { AI_PROVIDERS } from '../../src/domain/ai/statuses.ts'

/** One row per prediction, whatever the provider: calls, tokens, latency and errors per user and provider. */
export const AiUsage: CollectionConfig = {
  slug: 'ai-usage',
  admin: {
    group: 'AI',
    useAsTitle: 'model_id',
    defaultColumns: ['createdAt', 'user', 'provider', 'model_id', 'status_code', 'total_tokens'],
  },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'provider'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true },
    { name: 'provider', type: 'select', options: [...AI_PROVIDERS], required: true, index: true },
    { name: 'model_id', type: 'text', required: true },
    { name: 'status_code', type: 'number', required: true, admin: { description: '200, or the status the caller got.' } },
    { name: 'error', type: 'textarea' },
    { name: 'prompt_tokens', type: 'number' },
    { name: 'completion_tokens', type: 'number' },
    { name: 'total_tokens', type: 'number' },
    { name: 'latency_ms', type: 'number', required: true },
  ],
}
