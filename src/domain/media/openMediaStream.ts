import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { openStoredContent, type StoredContent } from '../storage/storedContent.ts'
import { findMedia } from './findMedia.ts'

/** The bytes of a media the caller may read (own, staff, or shared by token or to them); 404 otherwise. */
export async function openMediaStream(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<StoredContent> {
  const media = await findMedia(req, id, options)
  if (!media.filename) throw new NotFoundError('Media not found.')
  return openStoredContent('media', media.filename, media)
}
