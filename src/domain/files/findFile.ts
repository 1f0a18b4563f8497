import type { PayloadRequest } from 'payload'
import type { File } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findOwnOrShared } from '../sharing/findOwnOrShared.ts'

/** A file the caller may read: own (staff: any), or shared by link token or to them. 404 otherwise, 410 for a dead link. */
export async function findFile(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<File> {
  return (await findOwnOrShared(req, 'files', { type: 'file', id }, { shareToken, notFound: 'File not found.' })).doc
}

/** Own files only (staff: any): sharing and deleting are not given by a share. */
export async function findOwnFile(req: PayloadRequest, id: number): Promise<File> {
  const own = await req.payload.findByID({ collection: 'files', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('File not found.')
  return own
}
