import fs from 'node:fs/promises'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { getBytes, makeClip, scratchDir, uploadForm } from '../helpers/content.ts'
import { startFakeS3 } from '../helpers/fakeS3.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let s3: Awaited<ReturnType<typeof startFakeS3>>
let owner: TestUser
let scratch: Awaited<ReturnType<typeof scratchDir>>

beforeAll(async () => {
  s3 = await startFakeS3()
  app = await startTestApp({
    env: {
      S3_BUCKET: 'platform-test',
      S3_ENDPOINT: s3.url,
      S3_REGION: 'eu-west-1',
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    },
  })
  scratch = await scratchDir()
  owner = await makeUser(app)
})
afterAll(async () => {
  await scratch.cleanup()
  await app.stop()
  await s3.close()
})

it('stores uploads in S3 (S3_BUCKET set), streams ranges from it, transcodes from it and deletes from it', async () => {
  const clip = await makeClip(scratch.dir, 'to-s3.mp4')
  const bytes = await fs.readFile(clip)
  const uploaded = await uploadForm(app, '/api/v1/media/upload', clip, { token: owner.token })
  expect(uploaded.status).toBe(201)
  const key = `platform-test/${uploaded.body.filename}`
  expect(s3.objects.get(key)?.body.equals(bytes)).toBe(true)
  const part = await getBytes(app, `/api/v1/media/${uploaded.body.id}/stream`, { range: 'bytes=-100' }, owner.token)
  expect(part.status).toBe(206)
  expect(part.headers.get('content-range')).toBe(`bytes ${bytes.length - 100}-${bytes.length - 1}/${bytes.length}`)
  expect(part.bytes.equals(bytes.subarray(bytes.length - 100))).toBe(true)
  await app.api.post(`/api/v1/media/${uploaded.body.id}/transcode`, { output_format: 'mp3', quality: 'low' }, { token: owner.token })
  const done = await waitUntil(
    async () => {
      const media = await app.api.get(`/api/v1/media/${uploaded.body.id}`, { token: owner.token })
      return ['done', 'failed'].includes(String(media.body.transcode_status)) ? media.body : null
    },
    { timeoutMs: 60_000, everyMs: 200 },
  )
  expect(done).toMatchObject({ transcode_status: 'done', transcodes: [expect.objectContaining({ status: 'done' })] })
  const output = await app.api.get(`/api/v1/media/${done?.transcodes[0].output_media_id}`, { token: owner.token })
  expect(s3.objects.get(`platform-test/${output.body.filename}`)?.type).toBe('audio/mpeg')
  expect((await app.api.delete(`/api/v1/media/${uploaded.body.id}`, { token: owner.token })).status).toBe(204)
  expect(s3.objects.has(key)).toBe(false)
})
