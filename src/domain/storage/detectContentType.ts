import fs from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'

export type DetectedType = { mime: string; ext: string | null }

const TEXT_SAMPLE = 8192

/**
 * The type of an upload from its bytes (magic numbers, file-type), never from its name or the client's
 * Content-Type. Undetectable content is text/plain when its start is clean UTF-8 text, else
 * application/octet-stream.
 */
export async function detectContentType(file: string): Promise<DetectedType> {
  const detected = await fileTypeFromFile(file)
  if (detected) return { mime: detected.mime, ext: detected.ext }
  return (await looksLikeText(file)) ? { mime: 'text/plain', ext: null } : { mime: 'application/octet-stream', ext: null }
}

async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(TEXT_SAMPLE), 0, TEXT_SAMPLE, 0)
    const sample = buffer.subarray(0, bytesRead)
    if (sample.includes(0)) return false
    // A multi-byte character cut at the sample's end is still text; anything else invalid is not.
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample)
    const replacements = decoded.slice(0, -1).split('\uFFFD').length - 1
    return replacements === 0
  } finally {
    await handle.close()
  }
}
