import path from 'node:path'
import { projectRoot } from '../projectRoot.ts'

/** Local disk storage (the default without S3_BUCKET): one folder per upload collection under .data/uploads. */
export const uploadDir = (collection: 'media' | 'files'): string => path.join(projectRoot, '.data', 'uploads', collection)

/**
 * Where multipart bodies are streamed while they arrive (never held in memory). On the same disk as
 * uploadDir, so handing a finished upload to its collection is a cheap local copy.
 */
export const uploadTempDir = path.join(projectRoot, '.data', 'tmp', 'uploads')
