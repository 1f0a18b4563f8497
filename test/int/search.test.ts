import { startTestApp, type TestApp } from '../helpers/app.ts'
import { uploadForm } from '../helpers/content.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'

let app: TestApp
let owner: TestUser
let other: TestUser

beforeAll(async () => {
  app = await startTestApp()
  ;[owner, other] = await Promise.all([makeUser(app), makeUser(app)])
})
afterAll(() => app.stop())

const item = async (body: Record<string, unknown>, token = owner.token) => (await app.api.post('/api/v1/items', body, { token })).body
const search = (query: string, token = owner.token) => app.api.get(`/api/v1/search/?${query}`, { token })

it('ranks a title match above body matches and answers the documented body with a snippet', async () => {
  const body = await item({
    title: 'Weekly notes',
    description: 'Gardening gardening gardening: tomatoes, gardening tips and more gardening',
  })
  const title = await item({ title: 'Gardening basics', description: 'How to start' })
  const res = await search('q=gardening')
  expect(res.status).toBe(200)
  expect(res.body.map((hit) => hit.id)).toEqual([title.id, body.id])
  expect(res.body[0]).toEqual({
    id: title.id,
    type: 'item',
    title: 'Gardening basics',
    description: 'How to start',
    created_at: expect.stringMatching(/Z$/),
    score: expect.any(Number),
    snippet: expect.any(String),
  })
  expect(Number(res.body[0].score)).toBeGreaterThan(Number(res.body[1].score))
  expect(res.body[1].snippet).toContain('<mark>Gardening</mark>')
})

it('matches the last word as a prefix, stems, and escapes HTML in snippets', async () => {
  const found = await item({ title: 'Photosynthesis explained', description: 'Plants <b>convert</b> light, running chemistry' })
  expect((await search('q=photosynth')).body.map((hit) => hit.id)).toContain(found.id)
  expect((await search('q=plants%20photo')).body.map((hit) => hit.id)).toContain(found.id)
  const stemmed = await search('q=runs')
  expect(stemmed.body.map((hit) => hit.id)).toContain(found.id)
  expect(stemmed.body.find((hit) => hit.id === found.id)?.snippet).toContain('&lt;b&gt;convert&lt;/b&gt;')
  expect((await search('q=photo%20nothinglikethis')).body).toEqual([])
})

it('finds a write immediately after it commits, and an update replaces the old text', async () => {
  const created = await item({ title: 'Zebracorn sighting' })
  expect((await search('q=zebracorn')).body.map((hit) => hit.id)).toEqual([created.id])
  await app.api.put(`/api/v1/items/${created.id}`, { title: 'Unicorn sighting' }, { token: owner.token })
  expect((await search('q=zebracorn')).body).toEqual([])
  expect((await search('q=unicorn')).body.map((hit) => hit.id)).toEqual([created.id])
  await app.api.delete(`/api/v1/items/${created.id}`, { token: owner.token })
  expect((await search('q=unicorn')).body).toEqual([])
})

it('searches media and files too, filtered by type', async () => {
  const media = await uploadForm(
    app,
    '/api/v1/media/upload',
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
    {
      token: owner.token,
      filename: 'aurora_borealis-night.png',
    },
  )
  const file = await uploadForm(app, '/api/v1/files/upload', Buffer.from('data'), {
    token: owner.token,
    filename: 'trip.txt',
    fields: { description: 'Aurora photos index', tags: 'travel,norway' },
  })
  const all = await search('q=aurora')
  expect(all.body.map((hit) => `${hit.type}:${hit.id}`).sort()).toEqual([`file:${file.body.id}`, `media:${media.body.id}`].sort())
  expect((await search('q=aurora&type=media')).body.map((hit) => hit.id)).toEqual([media.body.id])
  expect((await search('q=norway&type=file')).body.map((hit) => hit.id)).toEqual([file.body.id])
  expect((await search('q=borealis&type=item')).body).toEqual([])
})

it("never shows another user's content, but does show what is shared with the caller", async () => {
  const secret = await item({ title: 'Quokka census results' }, other.token)
  expect((await search('q=quokka')).body).toEqual([])
  await app.api.post(
    '/api/v1/collab/share',
    { resource_type: 'item', resource_id: secret.id, shared_with_user_id: owner.user.id },
    { token: other.token },
  )
  expect((await search('q=quokka')).body.map((hit) => hit.id)).toEqual([secret.id])
})

it('honours limit and validates q', async () => {
  for (let i = 0; i < 3; i += 1) await item({ title: `Limitless ${i}` })
  expect((await search('q=limitless&limit=2')).body).toHaveLength(2)
  const empty = await search('q=')
  expect(empty).toMatchObject({ status: 400, body: { detail: 'Validation failed', errors: { q: [expect.any(String)] } } })
  expect((await search('q=%26%7C!()')).body).toEqual([])
})

describe('recommendations', () => {
  it('suggests only content the caller may open, each with a reason', async () => {
    const user = await makeUser(app)
    const friend = await makeUser(app)
    const shared = await item({ title: 'Sourdough starter guide' }, friend.token)
    await app.api.post(
      '/api/v1/collab/share',
      { resource_type: 'item', resource_id: shared.id, shared_with_user_id: user.user.id },
      { token: friend.token },
    )
    const published = await item({ title: 'Bread notes', status: 'published' }, user.token)
    const similar = await item({ title: 'Sourdough hydration' }, user.token)
    await item({ title: 'Invisible sourdough' }, friend.token)
    const res = await app.api.get('/api/v1/recommendations/', { token: user.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      { id: shared.id, type: 'item', title: 'Sourdough starter guide', description: null, reason: 'Shared with you' },
      { id: published.id, type: 'item', title: 'Bread notes', description: null, reason: 'Recently published' },
    ])
    expect(res.body.map((entry) => entry.id)).not.toContain(similar.id)
    const limited = await app.api.get('/api/v1/recommendations?limit=1', { token: user.token })
    expect(limited.body).toHaveLength(1)
  })

  it('suggests items similar to the one worked on last', async () => {
    const user = await makeUser(app)
    const older = await item({ title: 'Kayak repair checklist' }, user.token)
    await item({ title: 'Kayak trip plan' }, user.token)
    const res = await app.api.get('/api/v1/recommendations', { token: user.token })
    expect(res.body).toEqual([
      {
        id: older.id,
        type: 'item',
        title: 'Kayak repair checklist',
        description: null,
        reason: 'Similar to "Kayak trip plan", which you worked on recently',
      },
    ])
  })
})
