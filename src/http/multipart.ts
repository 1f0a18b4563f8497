import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import type { Request, Response } from 'express'
import { PayloadTooLargeError, RequestValidationError } from '../lib/errors.ts'
import { uploadTempDir } from '../lib/storage/uploadDirs.ts'

/** A file received in a multipart body, already on disk (never in memory). Removed when the response ends. */
export type UploadedFile = { tempFilePath: string; originalName: string; clientMimeType: string; size: number }
export type MultipartBody = { fields: Record<string, string>; file: UploadedFile }

// Room for the form's text fields and part headers beside the file itself.
const FIELDS_ALLOWANCE = 64 * 1024
const mb = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`

/**
 * Streams a multipart/form-data body to a temp file, counting bytes as they arrive. A body whose
 * Content-Length already says it is too big is refused before a byte of it is read; a chunked one is
 * refused the moment the file passes `maxFileBytes`. Either way the connection is closed after the 413,
 * so the rest of the body is never read.
 */
export async function readMultipart(
  req: Request,
  res: Response,
  options: { fileField: string; maxFileBytes: number },
): Promise<MultipartBody> {
  const { fileField, maxFileBytes } = options
  const tooLarge = () => {
    res.set('Connection', 'close')
    return new PayloadTooLargeError(`The file is larger than the ${mb(maxFileBytes)} upload limit.`)
  }
  if (!req.is('multipart/form-data')) throw new RequestValidationError({ [fileField]: ['Send the file as multipart/form-data.'] })
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxFileBytes + FIELDS_ALLOWANCE) throw tooLarge()
  await fs.mkdir(uploadTempDir, { recursive: true })
  const tempFilePath = path.join(uploadTempDir, randomUUID())
  res.once('close', () => void fs.rm(tempFilePath, { force: true }))
  const parsed = await parse(req, { fileField, maxFileBytes, tempFilePath, tooLarge })
  if (!parsed.file) throw new RequestValidationError({ [fileField]: ['No file was sent.'] })
  return { fields: parsed.fields, file: parsed.file }
}

type ParseOptions = { fileField: string; maxFileBytes: number; tempFilePath: string; tooLarge: () => Error }

function parse(req: Request, { fileField, maxFileBytes, tempFilePath, tooLarge }: ParseOptions) {
  return new Promise<{ fields: Record<string, string>; file: UploadedFile | null }>((resolve, reject) => {
    const fields: Record<string, string> = {}
    let file: UploadedFile | null = null
    let writing: Promise<void> = Promise.resolve()
    let failed = false
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: maxFileBytes, files: 1, fields: 20, fieldSize: 16 * 1024, parts: 21 },
    })
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      // Stop reading the body: no more bytes are pulled off the socket for this request.
      req.unpipe(parser)
      req.pause()
      parser.removeAllListeners()
      parser.on('error', () => {})
      reject(error)
    }
    parser.on('file', (name, stream: Readable & { truncated?: boolean }, info) => {
      if (name !== fileField || file) {
        stream.resume()
        return fail(new RequestValidationError({ [name]: [`Send one file, in the "${fileField}" field.`] }))
      }
      const received: UploadedFile = { tempFilePath, originalName: info.filename || 'upload', clientMimeType: info.mimeType, size: 0 }
      file = received
      stream.on('data', (chunk: Buffer) => (received.size += chunk.length))
      stream.on('limit', () => fail(tooLarge()))
      writing = pipeline(stream, createWriteStream(tempFilePath)).catch((error: Error) => fail(error))
    })
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new RequestValidationError({ [name]: ['This field is too long.'] }))
      else fields[name] = value
    })
    for (const limit of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) {
      parser.on(limit, () => fail(new RequestValidationError({ [fileField]: ['Too many parts in the form.'] })))
    }
    parser.on('error', () => fail(new RequestValidationError({ [fileField]: ['The multipart body is malformed.'] })))
    parser.on('close', () => void writing.then(() => !failed && resolve({ fields, file })))
    req.on('aborted', () => fail(new RequestValidationError({ [fileField]: ['The upload was interrupted.'] })))
    req.pipe(parser)
  })
}
