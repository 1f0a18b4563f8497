import fs from 'node:fs/promises'
import path from 'node:path'
import { probeMedia } from '../../src/integrations/ffmpeg/probe.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { getBytes, makeClip, PNG_BYTES, rawUpload, scratchDir, uploadForm } from '../helpers/content.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeStaff, makeUser, type TestUser } from '../helpers/factories.ts'
import { waitUntil } from '../helpers/wait.ts'

const LIMIT = 1_048_576
let app: TestApp
let owner: TestUser
let other: TestUser
let scratch: Awaited<ReturnType<typeof scratchDir>>
let clipPath: string
let clipBytes: Buffer
let clipId: number

beforeAll(async () => {
  app = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } })
  scratch = await scratchDir()
  ;[owner, other] = await Promise.all([makeUser(app), makeUser(app)])
  clipPath = await makeClip(scratch.dir, 'holiday clip.mp4')
  clipBytes = await fs.readFile(clipPath)
  const uploaded = await uploadForm(app, '/api/v1/media/upload/', clipPath, { token: owner.token, contentType: 'video/mp4' })
  expect(uploaded.status).toBe(201)
  clipId = Number(uploaded.body.id)
})
afterAll(async () => {
  await scratch.cleanup()
  await app.stop()
})

const stream = (id: number, headers: Record<string, string> = {}, token = owner.token) =>
  getBytes(app, `/api/v1/media/${id}/stream/`, headers, token)

describe('upload', () => {
  it('answers 201 with the documented body, duration and size read by ffprobe', async () => {
    const res = await uploadForm(app, '/api/v1/media/upload/', clipPath, { token: owner.token, contentType: 'video/mp4' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.any(Number),
      filename: expect.stringMatching(/^[0-9a-f-]{36}\.mp4$/),
      original_filename: 'holiday clip.mp4',
      file_size: clipBytes.length,
      mime_type: 'video/mp4',
      media_type: 'video',
      duration: 1,
      width: 320,
      height: 240,
      transcoded: false,
      transcode_status: 'none',
      transcode_error: null,
      transcoded_from: null,
      stream_url: `http://localhost:3000/api/v1/media/${res.body.id}/stream`,
      created_at: expect.stringMatching(/Z$/),
    })
  })

  it('detects the type from the bytes, not from the name or the client header', async () => {
    const png = await uploadForm(app, '/api/v1/media/upload', PNG_BYTES, {
      token: owner.token,
      filename: 'movie.mp4',
      contentType: 'video/mp4',
    })
    expect(png.status).toBe(201)
    expect(png.body).toMatchObject({
      media_type: 'image',
      mime_type: 'image/png',
      filename: expect.stringMatching(/\.png$/),
      width: 1,
      height: 1,
      duration: null,
    })
    const text = await uploadForm(app, '/api/v1/media/upload', Buffer.from('just some words, not a song'), {
      token: owner.token,
      filename: 'song.mp3',
      contentType: 'audio/mpeg',
    })
    expect(text.status).toBe(400)
    expect(text.body).toEqual({
      detail: 'This file is text/plain, not a video, audio or image file.',
      errors: { file: [expect.any(String)] },
    })
  })

  it('answers 400 without a file and 401 without a token', async () => {
    const form = new FormData()
    form.append('note', 'no file here')
    const noFile = await fetch(new URL('/api/v1/media/upload', app.url), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    })
    expect(noFile.status).toBe(400)
    expect(await noFile.json()).toEqual({ detail: 'Validation failed', errors: { file: ['No file was sent.'] } })
    const anonymous = await uploadForm(app, '/api/v1/media/upload', clipPath, {})
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toEqual({ detail: expect.any(String) })
  })

  it('answers 413 from Content-Length alone, before any of the body is sent', async () => {
    const res = await rawUpload(app, '/api/v1/media/upload', { token: owner.token, declaredLength: 50 * LIMIT })
    expect(res).toEqual({ status: 413, body: { detail: 'The file is larger than the 1 MB upload limit.' }, written: 0 })
  })

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const total = 64 * LIMIT
    const res = await rawUpload(app, '/api/v1/media/upload', { token: owner.token, totalBytes: total })
    expect(res.status).toBe(413)
    expect(res.body).toEqual({ detail: 'The file is larger than the 1 MB upload limit.' })
    // The client could only write what the server read plus what socket buffers hold: far from all of it.
    expect(res.written).toBeLessThan(total / 4)
  })
})

describe('stream', () => {
  it('serves the whole file with Accept-Ranges and a strong ETag', async () => {
    const res = await stream(clipId)
    expect(res.status).toBe(200)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-type')).toBe('video/mp4')
    expect(res.headers.get('content-length')).toBe(String(clipBytes.length))
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/)
    expect(res.bytes.equals(clipBytes)).toBe(true)
  })

  it('answers a range with 206 and Content-Range', async () => {
    const res = await stream(clipId, { range: 'bytes=100-1099' })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${clipBytes.length}`)
    expect(res.headers.get('content-length')).toBe('1000')
    expect(res.bytes.equals(clipBytes.subarray(100, 1100))).toBe(true)
  })

  it('answers a suffix range with the last bytes and an open range to the end', async () => {
    const size = clipBytes.length
    const suffix = await stream(clipId, { range: 'bytes=-500' })
    expect(suffix.status).toBe(206)
    expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`)
    expect(suffix.bytes.equals(clipBytes.subarray(size - 500))).toBe(true)
    const open = await stream(clipId, { range: `bytes=${size - 10}-` })
    expect(open.status).toBe(206)
    expect(open.bytes.equals(clipBytes.subarray(size - 10))).toBe(true)
  })

  it('answers an unsatisfiable range with 416 and Content-Range: bytes */size', async () => {
    const res = await stream(clipId, { range: `bytes=${clipBytes.length}-` })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe(`bytes */${clipBytes.length}`)
    expect(JSON.parse(res.bytes.toString())).toEqual({ detail: 'Requested range not satisfiable' })
  })

  it('serves several ranges as multipart/byteranges', async () => {
    const res = await stream(clipId, { range: 'bytes=0-9,200-219' })
    expect(res.status).toBe(206)
    const boundary = /boundary=(\S+)/.exec(res.headers.get('content-type') ?? '')?.[1]
    expect(res.headers.get('content-type')).toMatch(/^multipart\/byteranges; boundary=/)
    expect(res.headers.get('content-length')).toBe(String(res.bytes.length))
    const parts = res.bytes.toString('latin1').split(`--${boundary}`).slice(1, -1)
    expect(parts).toHaveLength(2)
    const [first, second] = parts.map((part) => {
      const [headers, body] = part.split('\r\n\r\n')
      return { headers, body: Buffer.from(body.replace(/\r\n$/, ''), 'latin1') }
    })
    expect(first.headers).toContain(`Content-Range: bytes 0-9/${clipBytes.length}`)
    expect(first.body.equals(clipBytes.subarray(0, 10))).toBe(true)
    expect(second.headers).toContain(`Content-Range: bytes 200-219/${clipBytes.length}`)
    expect(second.body.equals(clipBytes.subarray(200, 220))).toBe(true)
  })

  it('honours If-Range only while the ETag matches, and If-None-Match with 304', async () => {
    const etag = (await stream(clipId)).headers.get('etag') ?? ''
    const fresh = await stream(clipId, { range: 'bytes=0-9', 'if-range': etag })
    expect(fresh.status).toBe(206)
    const stale = await stream(clipId, { range: 'bytes=0-9', 'if-range': '"an-old-version"' })
    expect(stale.status).toBe(200)
    expect(stale.bytes.length).toBe(clipBytes.length)
    const cached = await stream(clipId, { 'if-none-match': etag })
    expect(cached.status).toBe(304)
  })
})

describe("another user's media", () => {
  it('is invisible everywhere: list, get, stream, transcode, delete', async () => {
    const list = await app.api.get('/api/v1/media/', { token: other.token })
    expect(list.status).toBe(200)
    expect(list.body).toEqual([])
    const notFound = { detail: 'Media not found.' }
    expect(await app.api.get(`/api/v1/media/${clipId}/`, { token: other.token })).toMatchObject({ status: 404, body: notFound })
    const streamed = await stream(clipId, { range: 'bytes=0-9' }, other.token)
    expect(streamed.status).toBe(404)
    expect(JSON.parse(streamed.bytes.toString())).toEqual(notFound)
    const anonymous = await getBytes(app, `/api/v1/media/${clipId}/stream`)
    expect(anonymous.status).toBe(404)
    const transcode = await app.api.post(`/api/v1/media/${clipId}/transcode/`, { output_format: 'mp3' }, { token: other.token })
    expect(transcode).toMatchObject({ status: 404, body: notFound })
    expect(await app.api.delete(`/api/v1/media/${clipId}/`, { token: other.token })).toMatchObject({ status: 404, body: notFound })
  })

  it('is readable by staff', async () => {
    const staff = await makeStaff(app, 'manager')
    expect((await stream(clipId, {}, staff.token)).status).toBe(200)
  })
})

describe('transcode', () => {
  const transcodeAndWait = async (format: string, quality: string) => {
    const res = await app.api.post(`/api/v1/media/${clipId}/transcode`, { output_format: format, quality }, { token: owner.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      media_id: clipId,
      transcode_id: expect.any(Number),
      status: 'queued',
      output_format: format,
      quality,
      status_url: `http://localhost:3000/api/v1/media/${clipId}`,
      message: 'Transcoding queued',
    })
    const jobId = Number(res.body.transcode_id)
    // Polling the media record is the documented way to follow a transcode.
    const done = await waitUntil(
      async () => {
        const media = await app.api.get(`/api/v1/media/${clipId}`, { token: owner.token })
        const job = media.body.transcodes.find((entry) => Number(entry.id) === jobId)
        return job && ['done', 'failed'].includes(String(job.status)) ? { media: media.body, job } : null
      },
      { timeoutMs: 90_000, everyMs: 200 },
    )
    expect(done?.job).toMatchObject({ status: 'done', error: null, output_media_id: expect.any(Number) })
    expect(done?.media).toMatchObject({ transcode_status: 'done', transcoded: true })
    const output = await stream(Number(done?.job.output_media_id))
    expect(output.status).toBe(200)
    const file = path.join(scratch.dir, `out-${jobId}.${format}`)
    await fs.writeFile(file, output.bytes)
    return { probe: await probeMedia(file), outputId: Number(done?.job.output_media_id) }
  }

  it('makes a real H.264 mp4, confirmed by ffprobe, and notifies the owner', async () => {
    const { probe, outputId } = await transcodeAndWait('mp4', 'low')
    expect(probe).toMatchObject({ hasVideo: true, hasAudio: true, width: 320, height: 240, formatName: expect.stringContaining('mp4') })
    expect(probe.codecs).toEqual(expect.arrayContaining(['h264', 'aac']))
    expect(probe.duration).toBeCloseTo(1, 0)
    const output = await app.api.get(`/api/v1/media/${outputId}`, { token: owner.token })
    expect(output.body).toMatchObject({
      media_type: 'video',
      mime_type: 'video/mp4',
      transcoded_from: clipId,
      original_filename: 'holiday clip.mp4',
    })
    const history = await app.api.get('/api/v1/notify/history', { token: owner.token })
    expect(history.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          notification_type: 'media_transcoded',
          title: 'Your mp4 of holiday clip.mp4 is ready',
          metadata: expect.objectContaining({ media_id: clipId, output_media_id: outputId }),
        }),
      ]),
    )
  })

  it('makes a real mp3, confirmed by ffprobe', async () => {
    const { probe, outputId } = await transcodeAndWait('mp3', 'medium')
    expect(probe).toMatchObject({ hasVideo: false, hasAudio: true, width: null, height: null, formatName: 'mp3' })
    expect(probe.codecs).toEqual(['mp3'])
    expect(probe.duration).toBeCloseTo(1, 0)
    expect((await app.api.get(`/api/v1/media/${outputId}`, { token: owner.token })).body).toMatchObject({
      media_type: 'audio',
      mime_type: 'audio/mpeg',
    })
  })

  it('fails a job whose workers died three times, and tells the owner', async () => {
    // As a crashed worker leaves it: still `processing`, its lease run out, three attempts spent.
    const [job] = await sqlRows<{ id: number }>(
      app,
      `INSERT INTO media_transcodes (media_id, user_id, output_format, quality, status, attempts, locked_until, updated_at, created_at)
       VALUES ($1, $2, 'webm', 'high', 'processing', 3, now() - interval '1 second', now(), now()) RETURNING id`,
      [clipId, owner.user.id],
    )
    const failed = await waitUntil(
      async () => {
        const media = await app.api.get(`/api/v1/media/${clipId}`, { token: owner.token })
        return media.body.transcodes.find((entry) => Number(entry.id) === job.id && String(entry.status) === 'failed')
      },
      { timeoutMs: 30_000, everyMs: 200 },
    )
    expect(failed).toMatchObject({ status: 'failed', error: 'gave up after 3 attempts that did not finish', output_media_id: null })
    const history = await app.api.get('/api/v1/notify/history', { token: owner.token })
    expect(history.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ notification_type: 'media_transcode_failed', title: 'A webm could not be made' })]),
    )
  })

  it('refuses formats that make no sense for the medium, and bad options', async () => {
    const image = await uploadForm(app, '/api/v1/media/upload', PNG_BYTES, { token: owner.token, filename: 'dot.png' })
    const res = await app.api.post(`/api/v1/media/${image.body.id}/transcode`, { output_format: 'mp4' }, { token: owner.token })
    expect(res).toMatchObject({ status: 400, body: { detail: 'Images cannot be transcoded; upload a video or audio file.' } })
    const bad = await app.api.post(`/api/v1/media/${clipId}/transcode`, { output_format: 'avi' }, { token: owner.token })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ detail: 'Validation failed', errors: { output_format: [expect.any(String)] } })
  })
})

it('deletes media with 204 and then 404', async () => {
  const res = await uploadForm(app, '/api/v1/media/upload', PNG_BYTES, { token: owner.token, filename: 'gone.png' })
  expect((await app.api.delete(`/api/v1/media/${res.body.id}`, { token: owner.token })).status).toBe(204)
  expect((await stream(Number(res.body.id))).status).toBe(404)
})
