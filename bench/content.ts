import { spawn } from 'node:child_process'
import { openAsBlob } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { decodeJwt } from 'jose'
import { ffmpegPath, run } from '../src/integrations/ffmpeg/binaries.ts'
import { freePort } from '../src/lib/db/embeddedPostgres.ts'
import { withClient } from '../src/lib/db/pgClient.ts'
import { seedContention } from './fixtures.ts'

/**
 * Content scenarios of `npm run bench` (issue 13):
 * - search: p95 of GET /api/v1/search over 100,000 items of one user (limit 50 ms), varied queries
 *   (one word, two words, a short prefix), 4 clients;
 * - streaming: a 100 MB medium read with 8 MB Range requests (4 clients) through GET /media/{id}/stream,
 *   against fs.createReadStream piped to a raw node:http response in the same run (limit 0.5x).
 */
export type ContentBench = {
  search: { items: number; requests: number; p50_ms: number; p95_ms: number; p99_ms: number; limit_p95_ms: number; pass: boolean }
  streaming: {
    file_bytes: number
    range_bytes: number
    platform_mb_s: number
    raw_node_mb_s: number
    ratio: number
    limit_ratio: number
    pass: boolean
  }
}

const ITEMS = 100_000
const SEARCHES = 2000
const CLIENTS = 4
const FILE_BYTES = 100_000_000
const RANGE = 8 * 1024 * 1024
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })

export async function measureContent(baseUrl: string, databaseUrl: string, jwtSecret: string, root: string): Promise<ContentBench> {
  const { tokens } = await seedContention(databaseUrl, jwtSecret, 1)
  const token = tokens[0]
  const words = vocabulary(2000)
  await seedItems(databaseUrl, Number(decodeJwt(token).sub), words)
  process.stdout.write(`GET /api/v1/search over ${ITEMS} items -> platform (${SEARCHES} requests, ${CLIENTS} clients)\n`)
  const search = await measureSearch(baseUrl, token, words)
  process.stdout.write(
    `GET /api/v1/media/{id}/stream, ${FILE_BYTES / 1e6} MB in ${RANGE / 1048576} MB ranges -> platform and raw node:http\n`,
  )
  const streaming = await measureStreaming(baseUrl, token, root)
  return { search, streaming }
}

/** Pseudo-words (consonant-vowel syllables), so stemming and prefixes behave as with real words. */
function vocabulary(count: number): string[] {
  const consonants = 'bcdfghklmnprstvz'
  const vowels = 'aeiou'
  return Array.from({ length: count }, (_, n) => {
    let word = ''
    for (let value = n + 17 * count; value > 0; value = Math.floor(value / 80))
      word += consonants[value % 16] + vowels[Math.floor(value / 16) % 5]
    return word
  })
}

/** 100,000 items of one user with 4-word titles and 24-word descriptions: the generated tsvector column and GIN index do the rest. */
async function seedItems(databaseUrl: string, userId: number, words: string[]): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(
      `INSERT INTO items (title, description, content, item_type, status, metadata, user_id, updated_at, created_at)
       SELECT
         array_to_string(ARRAY(SELECT ($1::text[])[1 + (n::bigint * 7919 + k * 104729 + k * k * 31) % $2] FROM generate_series(1, 4) k), ' '),
         array_to_string(ARRAY(SELECT ($1::text[])[1 + (n::bigint * 15485863 + k * 32452843 + n * k) % $2] FROM generate_series(1, 24) k), ' '),
         '{}'::jsonb, 'post', CASE WHEN n % 3 = 0 THEN 'published' ELSE 'draft' END::enum_items_status, '{}'::jsonb, $3,
         now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval
       FROM generate_series(1, $4) AS n`,
      [words, words.length, userId, ITEMS],
    )
    // Steady state, as autovacuum leaves it: the GIN index's pending list merged (a bulk load leaves it
    // long, and every search would scan it linearly) and fresh statistics.
    await client.query('VACUUM ANALYZE items')
  })
}

async function measureSearch(baseUrl: string, token: string, words: string[]): Promise<ContentBench['search']> {
  const query = (n: number) => {
    const word = words[(n * 7) % words.length]
    if (n % 3 === 0) return word
    if (n % 3 === 1) return `${word} ${words[(n * 13) % words.length]}`
    return word.slice(0, 3)
  }
  const latencies: number[] = []
  let next = 0
  let failures = 0
  const worker = async () => {
    while (next < SEARCHES) {
      const n = next++
      const started = performance.now()
      const status = await drain(`${baseUrl}/api/v1/search?limit=20&q=${encodeURIComponent(query(n))}`, {
        authorization: `Bearer ${token}`,
      })
      latencies.push(performance.now() - started)
      if (status !== 200) failures += 1
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, worker))
  if (failures > 0) throw new Error(`${failures} searches failed`)
  latencies.sort((a, b) => a - b)
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10
  const p95 = at(0.95)
  return { items: ITEMS, requests: SEARCHES, p50_ms: at(0.5), p95_ms: p95, p99_ms: at(0.99), limit_p95_ms: 50, pass: p95 <= 50 }
}

async function measureStreaming(baseUrl: string, token: string, root: string): Promise<ContentBench['streaming']> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-media-'))
  try {
    // Uncompressed audio: exactly as large as asked, made in a second.
    const wav = path.join(dir, 'long.wav')
    await run(ffmpegPath, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      String(FILE_BYTES / 192_000),
      '-ac',
      '2',
      '-c:a',
      'pcm_s16le',
      wav,
    ])
    const form = new FormData()
    form.append('file', await openAsBlob(wav, { type: 'audio/wav' }), 'long.wav')
    const uploaded = await fetch(`${baseUrl}/api/v1/media/upload`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    })
    if (uploaded.status !== 201) throw new Error(`uploading the 100 MB medium failed: ${uploaded.status} ${await uploaded.text()}`)
    const media = (await uploaded.json()) as { id: number; filename: string; file_size: number }
    const rawPort = await freePort()
    const raw = spawn(
      process.execPath,
      ['--import', pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href, 'bench/rawFileServer.ts'],
      {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '', PORT: String(rawPort), FILE: path.join(root, '.data/uploads/media', media.filename) },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    try {
      await waitFor(`http://127.0.0.1:${rawPort}/`)
      const platformUrl = `${baseUrl}/api/v1/media/${media.id}/stream`
      const auth = { authorization: `Bearer ${token}` }
      // A warm-up pass each (page cache, JIT), then the measured pass, alternating so neither is favoured.
      await rangeThroughput(platformUrl, media.file_size, auth)
      await rangeThroughput(`http://127.0.0.1:${rawPort}/`, media.file_size, {})
      const platform = await rangeThroughput(platformUrl, media.file_size, auth)
      const rawNode = await rangeThroughput(`http://127.0.0.1:${rawPort}/`, media.file_size, {})
      const ratio = Math.round((platform / rawNode) * 100) / 100
      return {
        file_bytes: media.file_size,
        range_bytes: RANGE,
        platform_mb_s: platform,
        raw_node_mb_s: rawNode,
        ratio,
        limit_ratio: 0.5,
        pass: ratio >= 0.5,
      }
    } finally {
      raw.kill('SIGTERM')
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** Reads the whole file as consecutive 8 MB Range requests, CLIENTS at a time; MB/s. */
async function rangeThroughput(url: string, size: number, headers: Record<string, string>): Promise<number> {
  let offset = 0
  let received = 0
  const started = performance.now()
  const worker = async () => {
    while (offset < size) {
      const start = offset
      offset += RANGE
      const end = Math.min(size, start + RANGE) - 1
      let bytes = 0
      const status = await drain(url, { ...headers, range: `bytes=${start}-${end}` }, (chunk) => (bytes += chunk.length))
      if (status !== 206 || bytes !== end - start + 1) throw new Error(`range ${start}-${end} of ${url}: ${status}, ${bytes} bytes`)
      received += bytes
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, worker))
  return Math.round(received / 1e6 / ((performance.now() - started) / 1000))
}

/** GETs a URL over a keep-alive agent, consuming the body without keeping it; resolves the status. */
function drain(url: string, headers: Record<string, string>, onData: (chunk: Buffer) => void = () => {}): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        res.on('data', onData)
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (
      await fetch(url, { headers: { range: 'bytes=0-0' } }).then(
        (res) => res.status === 206,
        () => false,
      )
    )
      return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not start`)
}

/** The content section of the bench report. */
export function contentReport({ search, streaming }: ContentBench): string {
  const verdict = (pass: boolean) => (pass ? 'ok' : 'OVER LIMIT')
  return (
    `\nsearch over ${search.items} items (${search.requests} requests): p50 ${search.p50_ms} ms, p95 ${search.p95_ms} ms ` +
    `(limit ${search.limit_p95_ms} ms: ${verdict(search.pass)}), p99 ${search.p99_ms} ms\n` +
    `streaming ${streaming.file_bytes / 1e6} MB in ${streaming.range_bytes / 1048576} MB ranges: platform ${streaming.platform_mb_s} MB/s, ` +
    `fs.createReadStream + node:http ${streaming.raw_node_mb_s} MB/s, ratio ${streaming.ratio} (limit ${streaming.limit_ratio}: ${verdict(streaming.pass)})\n`
  )
}
