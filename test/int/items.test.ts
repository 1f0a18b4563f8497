import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser, type TestUser } from '../helpers/factories.ts'

let app: TestApp
let owner: TestUser
let other: TestUser

beforeAll(async () => {
  app = await startTestApp()
  ;[owner, other] = await Promise.all([makeUser(app), makeUser(app)])
})
afterAll(() => app.stop())

const create = (body: Record<string, unknown>, token = owner.token) => app.api.post('/api/v1/items/', body, { token })

it('creates an item with the documented body (201) and reads it back', async () => {
  const res = await create({ title: 'First post', description: 'Hello', content: { blocks: ['a'] }, metadata: { mood: 'good' } })
  expect(res.status).toBe(201)
  expect(res.body).toEqual({
    id: expect.any(Number),
    title: 'First post',
    description: 'Hello',
    content: { blocks: ['a'] },
    item_type: 'post',
    status: 'draft',
    user_id: owner.user.id,
    metadata: { mood: 'good' },
    created_at: expect.stringMatching(/Z$/),
    updated_at: expect.stringMatching(/Z$/),
    published_at: null,
  })
  const read = await app.api.get(`/api/v1/items/${res.body.id}/`, { token: owner.token })
  expect(read).toMatchObject({ status: 200, body: res.body })
})

it('sets published_at when an item is first published, and keeps it', async () => {
  const item = await create({ title: 'To publish' })
  const published = await app.api.put(`/api/v1/items/${item.body.id}`, { status: 'published' }, { token: owner.token })
  expect(published.status).toBe(200)
  expect(published.body).toMatchObject({ status: 'published', published_at: expect.stringMatching(/Z$/) })
  await app.api.put(`/api/v1/items/${item.body.id}`, { status: 'draft' }, { token: owner.token })
  const again = await app.api.put(`/api/v1/items/${item.body.id}`, { status: 'published', title: 'Renamed' }, { token: owner.token })
  expect(again.body).toMatchObject({ title: 'Renamed', published_at: published.body.published_at })
  const direct = await create({ title: 'Born published', status: 'published' })
  expect(direct.body.published_at).toEqual(expect.stringMatching(/Z$/))
})

it("lists the caller's items with item_type and status filters and skip/limit (a plain array)", async () => {
  const user = await makeUser(app)
  for (const [title, item_type, status] of [
    ['a', 'note', 'draft'],
    ['b', 'note', 'published'],
    ['c', 'post', 'published'],
    ['d', 'note', 'published'],
  ]) {
    expect((await create({ title, item_type, status }, user.token)).status).toBe(201)
  }
  const all = await app.api.get('/api/v1/items', { token: user.token })
  expect(all.body.map((item) => item.title)).toEqual(['d', 'c', 'b', 'a'])
  const notes = await app.api.get('/api/v1/items?item_type=note&status=published', { token: user.token })
  expect(notes.body.map((item) => item.title)).toEqual(['d', 'b'])
  const page = await app.api.get('/api/v1/items?skip=1&limit=2', { token: user.token })
  expect(page.body.map((item) => item.title)).toEqual(['c', 'b'])
})

it("hides other users' items everywhere: list, get, update, delete", async () => {
  const item = await create({ title: 'Private thoughts' })
  const list = await app.api.get('/api/v1/items', { token: other.token })
  expect(list.body).toEqual([])
  const notFound = { status: 404, body: { detail: 'Item not found.' } }
  expect(await app.api.get(`/api/v1/items/${item.body.id}`, { token: other.token })).toMatchObject(notFound)
  expect(await app.api.put(`/api/v1/items/${item.body.id}`, { title: 'mine now' }, { token: other.token })).toMatchObject(notFound)
  expect(await app.api.delete(`/api/v1/items/${item.body.id}`, { token: other.token })).toMatchObject(notFound)
  expect((await app.api.get(`/api/v1/items/${item.body.id}`, { token: owner.token })).body.title).toBe('Private thoughts')
})

it('lets staff read and change any item', async () => {
  const staff = await makeStaff(app)
  const item = await create({ title: 'Needs moderation' })
  expect((await app.api.get(`/api/v1/items/${item.body.id}`, { token: staff.token })).status).toBe(200)
  const archived = await app.api.put(`/api/v1/items/${item.body.id}`, { status: 'archived' }, { token: staff.token })
  expect(archived.body).toMatchObject({ status: 'archived', user_id: owner.user.id })
})

it('deletes with 204, then 404', async () => {
  const item = await create({ title: 'Short-lived' })
  const res = await app.api.delete(`/api/v1/items/${item.body.id}/`, { token: owner.token })
  expect(res.status).toBe(204)
  expect(res.text).toBe('')
  expect((await app.api.get(`/api/v1/items/${item.body.id}`, { token: owner.token })).status).toBe(404)
})

it('validates input with the documented error body, and needs a token', async () => {
  const bad = await create({ title: '', status: 'live', content: 'not an object' })
  expect(bad.status).toBe(400)
  expect(bad.body).toEqual({
    detail: 'Validation failed',
    errors: { title: [expect.any(String)], status: [expect.any(String)], content: [expect.any(String)] },
  })
  const anonymous = await app.api.get('/api/v1/items')
  expect(anonymous).toMatchObject({ status: 401, body: { detail: expect.any(String) } })
})
