import { S3Client } from '@aws-sdk/client-s3'
import { config } from '../../lib/config.ts'

/** S3 (or an S3-compatible store at S3_ENDPOINT) for uploads, when S3_BUCKET is set. */
export const s3Enabled = (): boolean => Boolean(config.S3_BUCKET)

/** The client configuration shared by Payload's storage adapter (writes) and our reads. */
export function s3ClientConfig() {
  return {
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    // Self-hosted stores (MinIO, Ceph, LocalStack) are addressed by path, not by bucket subdomain.
    forcePathStyle: Boolean(config.S3_ENDPOINT),
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
  }
}

let client: S3Client | undefined
export const s3Client = (): S3Client => (client ??= new S3Client(s3ClientConfig()))
