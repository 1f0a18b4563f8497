import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import { extractID } from 'payload/shared'
import { assertManagesProject, assertOwnsStartup } from '../../src/domain/startups/projectOwnership.ts'

/**
 * Only the startup's owners (or staff) create, change or delete its projects, and a project cannot be
 * moved to a startup the caller does not own. A missing or unknown startup is left to the validator.
 */
export const assertProjectOwner: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc) await assertManagesProject(req, Number(originalDoc.id))
  const target = data.startup ? Number(extractID(data.startup)) : undefined
  const original = originalDoc?.startup ? Number(extractID(originalDoc.startup)) : undefined
  if (target && target !== original) await assertOwnsStartup(req, target)
  return data
}

export const assertProjectOwnerOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await assertManagesProject(req, Number(id))
}
