import type { PayloadRequest } from 'payload'
import type { File } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { shareGrant } from '../sharing/shareGrant.ts'

/** A file the caller may read: own (staff: any), or shared by link token or to them. 404 otherwise, 410 for a dead link. */
export async function findFile(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<File> {
  const own = await req.payload.findByID({ collection: 'files', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (own && !shareToken) return own
  const userId = req.user ? Number(req.user.id) : undefined
  const permission = await shareGrant(req, { type: 'file', id }, { token: shareToken, userId })
  if (own) return own
  if (!permission) throw new NotFoundError('File not found.')
  // overrideAccess: the share grant above is what allows this caller to read the file.
  const shared = await findAsSystem(req, 'files', id)
  if (!shared) throw new NotFoundError('File not found.')
  return shared
}

/** Own files only (staff: any): sharing and deleting are not given by a share. */
export async function findOwnFile(req: PayloadRequest, id: number): Promise<File> {
  const own = await req.payload.findByID({ collection: 'files', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('File not found.')
  return own
}
