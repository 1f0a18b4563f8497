import { randomBytes } from 'node:crypto'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { getBytes, PNG_BYTES, uploadForm } from '../helpers/content.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'

const QUOTA = 300_000
let app: TestApp
let owner: TestUser
let other: TestUser

beforeAll(async () => {
  app = await startTestApp({ env: { USER_STORAGE_QUOTA_BYTES: String(QUOTA) } })
  ;[owner, other] = await Promise.all([makeUser(app), makeUser(app)])
})
afterAll(() => app.stop())

const upload = (bytes: Buffer, filename: string, fields: Record<string, string> = {}, token = owner.token) =>
  uploadForm(app, '/api/v1/files/upload/', bytes, { token, filename, fields, contentType: 'application/octet-stream' })

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

it('uploads with description and comma-separated tags (201, documented body)', async () => {
  const res = await upload(PDF, 'quarterly report.pdf', { description: 'Q3 numbers', tags: 'finance, q3 ,finance,,reports' })
  expect(res.status).toBe(201)
  expect(res.body).toEqual({
    id: expect.any(Number),
    filename: expect.stringMatching(/^[0-9a-f-]{36}\.pdf$/),
    original_filename: 'quarterly report.pdf',
    file_size: PDF.length,
    mime_type: 'application/pdf',
    description: 'Q3 numbers',
    tags: ['finance', 'q3', 'reports'],
    download_url: `http://localhost:3000/api/v1/files/${res.body.id}/download`,
    created_at: expect.stringMatching(/Z$/),
  })
})

it('takes the type from the bytes, not the name or header', async () => {
  const png = await upload(PNG_BYTES, 'notes.txt')
  expect(png.body).toMatchObject({ mime_type: 'image/png', filename: expect.stringMatching(/\.png$/) })
  const text = await upload(Buffer.from('plain words'), 'script.exe')
  expect(text.body).toMatchObject({ mime_type: 'text/plain', filename: expect.stringMatching(/\.exe$/) })
})

it('downloads under the original name, RFC 5987 filename* for non-ASCII, with Range support', async () => {
  const res = await upload(PDF, 'Résumé – 2024.pdf')
  const download = await getBytes(app, `/api/v1/files/${res.body.id}/download/`, {}, owner.token)
  expect(download.status).toBe(200)
  expect(download.bytes.equals(PDF)).toBe(true)
  expect(download.headers.get('content-type')).toBe('application/pdf')
  expect(download.headers.get('content-disposition')).toBe(
    `attachment; filename="R?sum? ? 2024.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%202024.pdf`,
  )
  expect(download.headers.get('x-content-type-options')).toBe('nosniff')
  const part = await getBytes(app, `/api/v1/files/${res.body.id}/download`, { range: 'bytes=0-3' }, owner.token)
  expect(part.status).toBe(206)
  expect(part.bytes.toString()).toBe('%PDF')
})

it("lists the caller's files newest first with skip/limit", async () => {
  const user = await makeUser(app)
  for (const name of ['one.txt', 'two.txt', 'three.txt']) await upload(Buffer.from(name), name, {}, user.token)
  const all = await app.api.get('/api/v1/files', { token: user.token })
  expect(all.body.map((file) => file.original_filename)).toEqual(['three.txt', 'two.txt', 'one.txt'])
  const page = await app.api.get('/api/v1/files?skip=1&limit=1', { token: user.token })
  expect(page.body.map((file) => file.original_filename)).toEqual(['two.txt'])
})

it("keeps other users' files invisible: list, get, download, delete", async () => {
  const res = await upload(PDF, 'secret.pdf')
  expect((await app.api.get('/api/v1/files', { token: other.token })).body).toEqual([])
  const notFound = { detail: 'File not found.' }
  expect(await app.api.get(`/api/v1/files/${res.body.id}`, { token: other.token })).toMatchObject({ status: 404, body: notFound })
  const download = await getBytes(app, `/api/v1/files/${res.body.id}/download`, {}, other.token)
  expect(download.status).toBe(404)
  expect(JSON.parse(download.bytes.toString())).toEqual(notFound)
  expect((await getBytes(app, `/api/v1/files/${res.body.id}/download`)).status).toBe(404)
  expect(await app.api.delete(`/api/v1/files/${res.body.id}`, { token: other.token })).toMatchObject({ status: 404, body: notFound })
})

describe('storage quota', () => {
  const used = async (userId: number) =>
    Number(
      (await sqlRows<{ used_bytes: string }>(app, 'SELECT used_bytes FROM storage_usage WHERE user_id = $1', [userId]))[0]?.used_bytes ?? 0,
    )

  it('answers 413 with a clear detail once the quota is full, and a delete (204) frees the space', async () => {
    const user = await makeUser(app)
    const big = randomBytes(200_000)
    const first = await upload(big, 'first.bin', {}, user.token)
    expect(first.status).toBe(201)
    const second = await upload(big, 'second.bin', {}, user.token)
    expect(second.status).toBe(413)
    expect(second.body).toEqual({
      detail: 'Storage quota exceeded: this upload needs 0.2 MB but only 0.1 MB of your 0.3 MB are free. Delete some media or files first.',
    })
    expect(await used(user.user.id)).toBe(200_000)
    const removed = await app.api.delete(`/api/v1/files/${first.body.id}/`, { token: user.token })
    expect(removed.status).toBe(204)
    expect(await used(user.user.id)).toBe(0)
    expect((await upload(big, 'second.bin', {}, user.token)).status).toBe(201)
  })

  it('never lets parallel uploads pass the quota together', async () => {
    const user = await makeUser(app)
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => upload(randomBytes(100_000), `p${index}.bin`, {}, user.token)),
    )
    expect(results.map((res) => res.status).sort()).toEqual([201, 201, 201, 413, 413, 413])
    expect(await used(user.user.id)).toBe(300_000)
    expect((await app.api.get('/api/v1/files', { token: user.token })).body).toHaveLength(3)
  })
})
