import { startTestApp, type TestApp } from '../helpers/app.ts'
import { getBytes, PNG_BYTES, uploadForm } from '../helpers/content.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'

let app: TestApp
let owner: TestUser
let friend: TestUser
let stranger: TestUser

beforeAll(async () => {
  app = await startTestApp()
  ;[owner, friend, stranger] = await Promise.all([makeUser(app), makeUser(app), makeUser(app)])
})
afterAll(() => app.stop())

const makeItem = async (title = 'Shared plan') =>
  (await app.api.post('/api/v1/items', { title, content: { steps: 3 } }, { token: owner.token })).body
const share = (body: Record<string, unknown>, token = owner.token) => app.api.post('/api/v1/collab/share/', body, { token })

it('creates a share link with the documented body; the token is unguessable and stored only hashed', async () => {
  const item = await makeItem()
  const res = await share({
    resource_type: 'item',
    resource_id: item.id,
    shared_with_user_id: null,
    permission: 'view',
    expires_in_days: 7,
  })
  expect(res.status).toBe(201)
  expect(res.body).toEqual({
    id: expect.any(Number),
    resource_type: 'item',
    resource_id: item.id,
    permission: 'view',
    shared_with_user_id: null,
    share_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    share_url: `http://localhost:3000/api/v1/collab/shared/${res.body.share_token}`,
    expires_at: expect.stringMatching(/Z$/),
    created_at: expect.stringMatching(/Z$/),
  })
  const days = (Date.parse(String(res.body.expires_at)) - Date.parse(String(res.body.created_at))) / 86_400_000
  expect(days).toBeCloseTo(7, 3)
  const [stored] = await sqlRows<{ token_hash: string }>(app, 'SELECT token_hash FROM shares WHERE id = $1', [res.body.id])
  expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
  expect(stored.token_hash).not.toContain(String(res.body.share_token))
})

it('opens a view link without signing in', async () => {
  const item = await makeItem('Read me')
  const created = await share({ resource_type: 'item', resource_id: item.id })
  const res = await app.api.get(`/api/v1/collab/shared/${created.body.share_token}/`)
  expect(res.status).toBe(200)
  expect(res.body).toEqual({
    share: {
      id: created.body.id,
      resource_type: 'item',
      resource_id: item.id,
      permission: 'view',
      shared_with_user_id: null,
      expires_at: created.body.expires_at,
    },
    resource_type: 'item',
    resource: expect.objectContaining({ id: item.id, title: 'Read me', content: { steps: 3 }, user_id: owner.user.id }),
  })
  const edit = await app.api.put(`/api/v1/collab/shared/${created.body.share_token}`, { title: 'Hacked' }, { token: stranger.token })
  expect(edit).toMatchObject({ status: 403, body: { detail: 'This item was shared with you to view, not to edit.' } })
})

it('lets the target user of an edit link update the item, and nobody else', async () => {
  const item = await makeItem('Draft together')
  const created = await share({ resource_type: 'item', resource_id: item.id, shared_with_user_id: friend.user.id, permission: 'edit' })
  const token = created.body.share_token
  const edited = await app.api.put(
    `/api/v1/collab/shared/${token}/`,
    { title: 'Drafted together', content: { steps: 4 } },
    { token: friend.token },
  )
  expect(edited.status).toBe(200)
  expect(edited.body).toMatchObject({ id: item.id, title: 'Drafted together', content: { steps: 4 }, user_id: owner.user.id })
  expect((await app.api.put(`/api/v1/collab/shared/${token}`, { title: 'x' }, { token: stranger.token })).status).toBe(403)
  expect((await app.api.put(`/api/v1/collab/shared/${token}`, { title: 'x' })).status).toBe(401)
  // Shared to their account, the friend also reaches it through the items API; a stranger does not.
  expect((await app.api.get(`/api/v1/items/${item.id}`, { token: friend.token })).body.title).toBe('Drafted together')
  expect((await app.api.put(`/api/v1/items/${item.id}`, { description: 'via items API' }, { token: friend.token })).status).toBe(200)
  expect((await app.api.get(`/api/v1/items/${item.id}`, { token: stranger.token })).status).toBe(404)
})

it('streams shared media and downloads shared files through the link token', async () => {
  const media = await uploadForm(app, '/api/v1/media/upload', PNG_BYTES, { token: owner.token, filename: 'dot.png' })
  const mediaShare = await share({ resource_type: 'media', resource_id: media.body.id })
  const opened = await app.api.get(`/api/v1/collab/shared/${mediaShare.body.share_token}`)
  expect(opened.body.resource.stream_url).toBe(
    `http://localhost:3000/api/v1/media/${media.body.id}/stream?share_token=${mediaShare.body.share_token}`,
  )
  const streamed = await getBytes(app, String(opened.body.resource.stream_url).replace('http://localhost:3000', ''))
  expect(streamed.status).toBe(200)
  expect(streamed.bytes.equals(PNG_BYTES)).toBe(true)
  const file = await uploadForm(app, '/api/v1/files/upload', Buffer.from('hello'), { token: owner.token, filename: 'hello.txt' })
  const fileShare = await share({ resource_type: 'file', resource_id: file.body.id })
  const download = await getBytes(app, `/api/v1/files/${file.body.id}/download?share_token=${fileShare.body.share_token}`)
  expect(download.status).toBe(200)
  expect(download.bytes.toString()).toBe('hello')
  // A token opens only its own resource.
  expect((await getBytes(app, `/api/v1/media/${media.body.id}/stream?share_token=${fileShare.body.share_token}`)).status).toBe(404)
})

it('revokes a link at once: 410 from the next request, 204 for the owner, 404 for others', async () => {
  const item = await makeItem()
  const created = await share({ resource_type: 'item', resource_id: item.id })
  const url = `/api/v1/collab/shared/${created.body.share_token}`
  expect((await app.api.get(url)).status).toBe(200)
  expect((await app.api.delete(`/api/v1/collab/shared/${created.body.id}`, { token: stranger.token })).status).toBe(404)
  const revoked = await app.api.delete(`/api/v1/collab/shared/${created.body.id}/`, { token: owner.token })
  expect(revoked.status).toBe(204)
  expect(await app.api.get(url)).toMatchObject({ status: 410, body: { detail: 'This share link has been revoked.' } })
})

it('expires a link to the second', async () => {
  const media = await uploadForm(app, '/api/v1/media/upload', PNG_BYTES, { token: owner.token, filename: 'soon.png' })
  const created = await share({ resource_type: 'media', resource_id: media.body.id, expires_in_days: 1 })
  const stream = `/api/v1/media/${media.body.id}/stream?share_token=${created.body.share_token}`
  await sqlRows(app, `UPDATE shares SET expires_at = now() + interval '2 seconds' WHERE id = $1`, [created.body.id])
  expect((await getBytes(app, stream)).status).toBe(200)
  await sqlRows(app, `UPDATE shares SET expires_at = now() - interval '1 millisecond' WHERE id = $1`, [created.body.id])
  const expired = await getBytes(app, stream)
  expect(expired.status).toBe(410)
  expect(JSON.parse(expired.bytes.toString())).toEqual({ detail: 'This share link has expired.' })
  expect(await app.api.get(`/api/v1/collab/shared/${created.body.share_token}`)).toMatchObject({
    status: 410,
    body: { detail: 'This share link has expired.' },
  })
})

it('lists the shares the caller made, filtered by resource_type, with their status', async () => {
  const user = await makeUser(app)
  const item = (await app.api.post('/api/v1/items', { title: 'mine' }, { token: user.token })).body
  const file = (await uploadForm(app, '/api/v1/files/upload', Buffer.from('x'), { token: user.token, filename: 'x.txt' })).body
  const itemShare = await share({ resource_type: 'item', resource_id: item.id, expires_in_days: null }, user.token)
  await share({ resource_type: 'file', resource_id: file.id }, user.token)
  await app.api.delete(`/api/v1/collab/shared/${itemShare.body.id}`, { token: user.token })
  const all = await app.api.get('/api/v1/collab/shared/', { token: user.token })
  expect(all.body.map((entry) => [entry.resource_type, entry.status])).toEqual([
    ['file', 'active'],
    ['item', 'revoked'],
  ])
  const items = await app.api.get('/api/v1/collab/shared?resource_type=item', { token: user.token })
  expect(items.body).toEqual([
    {
      id: itemShare.body.id,
      resource_type: 'item',
      resource_id: item.id,
      permission: 'view',
      shared_with_user_id: null,
      expires_at: null,
      status: 'revoked',
      revoked_at: expect.stringMatching(/Z$/),
      created_at: expect.stringMatching(/Z$/),
    },
  ])
})

it("refuses to share what is not the caller's, unknown users and unknown links", async () => {
  const item = await makeItem()
  expect(await share({ resource_type: 'item', resource_id: item.id }, stranger.token)).toMatchObject({
    status: 404,
    body: { detail: 'Item not found.' },
  })
  expect(await share({ resource_type: 'item', resource_id: item.id, shared_with_user_id: 999_999 })).toMatchObject({
    status: 404,
    body: { detail: 'No such user to share with.' },
  })
  expect(await app.api.get('/api/v1/collab/shared/this-token-does-not-exist-anywhere')).toMatchObject({
    status: 404,
    body: { detail: 'Share link not found.' },
  })
  const bad = await share({ resource_type: 'event', resource_id: item.id, permission: 'own' })
  expect(bad).toMatchObject({
    status: 400,
    body: { detail: 'Validation failed', errors: { resource_type: [expect.any(String)], permission: [expect.any(String)] } },
  })
})
