import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { TRAINING_STATUSES } from '../../src/domain/ai/statuses.ts'

/**
 * Models trained here (`local:<name>`), one row per training job: written only by src/domain/ai
 * (trainModel queues it, the outbox worker trains it). The fitted classifier is kept in `model`.
 */
export const AiModels: CollectionConfig = {
  slug: 'ai-models',
  admin: { group: 'AI', useAsTitle: 'model_name', defaultColumns: ['model_name', 'owner', 'status', 'accuracy', 'createdAt'] },
  access: { read: or(isStaff, isOwner('owner')), create: nobody, update: nobody, delete: isStaff },
  // One name per owner: `local:<name>` must mean one model.
  indexes: [{ fields: ['owner', 'model_name'], unique: true }],
  fields: [
    { name: 'model_name', type: 'text', required: true, maxLength: 100 },
    { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'model_type', type: 'text', required: true, maxLength: 50 },
    { name: 'base_model', type: 'text', maxLength: 200 },
    { name: 'status', type: 'select', options: [...TRAINING_STATUSES], defaultValue: 'queued', required: true, index: true },
    { name: 'training_data', type: 'json', required: true, admin: { description: '{examples: [{text, label}]}' } },
    { name: 'parameters', type: 'json' },
    { name: 'accuracy', type: 'number', admin: { description: 'On the held-out split.' } },
    { name: 'metrics', type: 'json' },
    { name: 'model', type: 'json', hidden: true },
    { name: 'error', type: 'textarea' },
    { name: 'started_at', type: 'date' },
    { name: 'completed_at', type: 'date' },
  ],
}
