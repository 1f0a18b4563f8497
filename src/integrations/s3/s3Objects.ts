import type { Readable } from 'node:stream'
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { config } from '../../lib/config.ts'
import { s3Client } from './s3Client.ts'

/** Size and modification time of an object (HEAD). */
export async function headObject(key: string): Promise<{ size: number; modified: Date }> {
  const head = await s3Client().send(new HeadObjectCommand({ Bucket: config.S3_BUCKET, Key: key }))
  return { size: Number(head.ContentLength ?? 0), modified: head.LastModified ?? new Date(0) }
}

/** The object's bytes `start`..`end` (inclusive) as a stream: S3 serves the range, nothing is buffered here. */
export async function readObject(key: string, range?: { start: number; end: number }): Promise<Readable> {
  const object = await s3Client().send(
    new GetObjectCommand({ Bucket: config.S3_BUCKET, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
  )
  // In Node the SDK's body is an IncomingMessage (a Readable).
  return object.Body as Readable
}
