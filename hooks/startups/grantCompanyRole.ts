import type { CollectionAfterChangeHook } from 'payload'
import { extractID } from 'payload/shared'
import { grantCompanyRoleTo } from '../../src/domain/startups/grantCompanyRoleTo.ts'

/** The owners of a startup (investor) hold the startup (investor) role, in the same transaction. */
export const grantCompanyRole =
  (role: 'startup' | 'investor'): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const owners: unknown[] = Array.isArray(doc.owners) ? doc.owners : []
    await grantCompanyRoleTo(
      req,
      owners.map((owner) => Number(extractID(owner as number))),
      role,
    )
    return doc
  }
