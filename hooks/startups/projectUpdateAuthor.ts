import type { CollectionBeforeChangeHook } from 'payload'
import { extractID } from 'payload/shared'
import { assertManagesProject } from '../../src/domain/startups/projectOwnership.ts'

/** Only the project's owners (or staff) post its updates. */
export const assertUpdateAuthor: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation === 'create' && data.project) await assertManagesProject(req, Number(extractID(data.project)))
  return data
}

/** created_by is whoever posted it. */
export const setUpdateAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user) data.created_by = req.user.id
  return data
}
