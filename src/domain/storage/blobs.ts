import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { randomUUID } from 'node:crypto'
import { headObject, readObject } from '../../integrations/s3/s3Objects.ts'
import { s3Enabled } from '../../integrations/s3/s3Client.ts'
import { localPath, readLocal, statLocal } from '../../lib/storage/localDisk.ts'
import { uploadDir, uploadTempDir } from '../../lib/storage/uploadDirs.ts'

export type UploadCollection = 'media' | 'files'
export type ByteRange = { start: number; end: number }

/** A stored upload's bytes, wherever they live (local disk by default, S3 when S3_BUCKET is set). */
export type StoredBlob = { size: number; modified: Date; read(range?: ByteRange): Promise<Readable> }

const objectKey = (filename: string, prefix?: string | null) => (prefix ? `${prefix}/${filename}` : filename)

/** Opens the stored file of an upload document for reading. */
export async function openBlob(collection: UploadCollection, filename: string, prefix?: string | null): Promise<StoredBlob> {
  if (s3Enabled()) {
    const key = objectKey(filename, prefix)
    const head = await headObject(key)
    return { ...head, read: (range) => readObject(key, range) }
  }
  const file = localPath(uploadDir(collection), filename)
  const stat = await statLocal(file)
  return { ...stat, read: async (range) => readLocal(file, range) }
}

/**
 * Runs `fn` with a local path of the upload (ffmpeg needs one): the stored file itself on local disk, a
 * temporary copy streamed from S3 otherwise (removed afterwards).
 */
export async function withLocalFile<T>(
  collection: UploadCollection,
  filename: string,
  prefix: string | null | undefined,
  fn: (file: string) => Promise<T>,
): Promise<T> {
  if (!s3Enabled()) return fn(localPath(uploadDir(collection), filename))
  await fs.mkdir(uploadTempDir, { recursive: true })
  const copy = path.join(uploadTempDir, `${randomUUID()}${path.extname(filename)}`)
  try {
    await pipeline(await readObject(objectKey(filename, prefix)), createWriteStream(copy))
    return await fn(copy)
  } finally {
    await fs.rm(copy, { force: true })
  }
}
