import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser } from '../helpers/factories.ts'
import { entryForType, notifyUser } from '../helpers/notifications.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const typeId = async (code: string) =>
  (await poolOf(app.payload).query<{ id: number }>('SELECT id FROM notification_types WHERE code = $1', [code])).rows[0].id
const activeTypeCount = async () =>
  (await poolOf(app.payload).query<{ n: number }>('SELECT count(*)::int AS n FROM notification_types WHERE is_active')).rows[0].n

const makeStartup = () => makeUser(app, { roles: ['user', 'startup'] })
const typeOut = (code: string, name: string) => ({ id: expect.any(Number), code, name, description: expect.any(String), is_active: true })

describe('startups/preferences/ (spec 002)', () => {
  it('needs the Startup role: 403 for other members, 401 without a token', async () => {
    const member = await makeUser(app)
    for (const res of [
      await app.api.get('/api/v1/startups/preferences/', { token: member.token }),
      await app.api.patch('/api/v1/startups/preferences/', { enable_email: false }, { token: member.token }),
      await app.api.patch(
        '/api/v1/startups/preferences/update_type/',
        { notification_type_id: 1, frequency: 'immediate' },
        { token: member.token },
      ),
    ]) {
      expect(res.status).toBe(403)
      expect(res.body).toEqual({ detail: 'This action requires the Startup role.', error: 'This action requires the Startup role.' })
    }
    expect((await app.api.get('/api/v1/startups/preferences/')).status).toBe(401)
  })

  it('creates defaults with a preference per active type on first read', async () => {
    const startup = await makeStartup()
    const res = await app.api.get('/api/v1/startups/preferences/', { token: startup.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      user_id: startup.user.id,
      enable_in_app: true,
      enable_email: true,
      enable_push: true,
      type_preferences: expect.any(Array),
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    })
    expect(res.body.type_preferences).toHaveLength(await activeTypeCount())
    const message = entryForType(res.body.type_preferences, 'message_received')
    expect(message).toEqual({
      id: expect.any(Number),
      notification_type: typeOut('message_received', 'Message Received'),
      frequency: 'immediate',
      email_enabled: true,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    })
    expect(entryForType(res.body.type_preferences, 'project_update').frequency).toBe('daily_digest')
    // A second read creates nothing new.
    const again = await app.api.get('/api/v1/startups/preferences/', { token: startup.token })
    expect(again.body.type_preferences.map((p) => p.id)).toEqual(res.body.type_preferences.map((p) => p.id))
  })

  it('updates channel switches partially', async () => {
    const startup = await makeStartup()
    const res = await app.api.patch('/api/v1/startups/preferences/', { enable_email: false }, { token: startup.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ user_id: startup.user.id, enable_in_app: true, enable_email: false, enable_push: true })
    const next = await app.api.patch('/api/v1/startups/preferences/', { enable_push: false }, { token: startup.token })
    expect(next.body).toMatchObject({ enable_in_app: true, enable_email: false, enable_push: false })
  })

  it('updates one type frequency, with spec 002 error bodies', async () => {
    const startup = await makeStartup()
    const id = await typeId('message_received')
    const ok = await app.api.patch(
      '/api/v1/startups/preferences/update_type/',
      { notification_type_id: id, frequency: 'daily_digest' },
      { token: startup.token },
    )
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({
      id: expect.any(Number),
      notification_type: typeOut('message_received', 'Message Received'),
      frequency: 'daily_digest',
      email_enabled: true,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    })
    const patch = (body: unknown) => app.api.patch('/api/v1/startups/preferences/update_type/', body, { token: startup.token })
    const missing = await patch({})
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ notification_type_id: ['This field is required.'], frequency: ['This field is required.'] })
    const notInteger = await patch({ notification_type_id: 'abc', frequency: 'immediate' })
    expect(notInteger.status).toBe(400)
    expect(notInteger.body).toMatchObject({ notification_type_id: ['A valid integer is required.'] })
    const badChoice = await patch({ notification_type_id: id, frequency: 'invalid_freq' })
    expect(badChoice.status).toBe(400)
    expect(badChoice.body).toMatchObject({ frequency: ['"invalid_freq" is not a valid choice.'] })
    expect(Object.keys(badChoice.body).sort()).toEqual(['detail', 'errors', 'frequency'])
    const unknown = await patch({ notification_type_id: 999999, frequency: 'immediate' })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ error: 'Notification type preference not found', detail: 'Notification type preference not found' })
  })
})

describe('notifications/preferences/ (every user)', () => {
  it('serves the same preferences to any member, and notify() follows them', async () => {
    const member = await makeUser(app)
    const id = await typeId('system')
    const res = await app.api.patch(
      '/api/v1/notifications/preferences/update_type/',
      { notification_type_id: id, frequency: 'disabled' },
      { token: member.token },
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ frequency: 'disabled', notification_type: { code: 'system' } })
    await expect(notifyUser(app, member.user.id, 'system', { title: 'Muted' })).rejects.toThrow('stored nothing')
    await app.api.patch('/api/v1/notifications/preferences/', { enable_in_app: false }, { token: member.token })
    const emailOnly = await notifyUser(app, member.user.id, 'message_received', { title: 'By email only' })
    expect(emailOnly).toMatchObject({ in_app: false, push: false, email_to: member.email })
    expect((await app.api.get('/api/v1/communications/notifications/', { token: member.token })).body.count).toBe(0)
  })
})

describe('communications/email-preferences/', () => {
  it('lists every active type with its email setting, and updates them partially', async () => {
    const member = await makeUser(app)
    const get = await app.api.get('/api/v1/communications/email-preferences/', { token: member.token })
    expect(get.status).toBe(200)
    expect(get.body).toEqual({
      user_id: member.user.id,
      types_enabled: expect.any(Array),
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })
    const entry = (body: typeof get.body, code: string) => entryForType(body.types_enabled, code)
    expect(entry(get.body, 'message_received')).toEqual({
      notification_type: {
        id: expect.any(Number),
        code: 'message_received',
        name: 'Message Received',
        description: 'A new message was received',
      },
      enabled: true,
    })
    expect(entry(get.body, 'system').enabled).toBe(false) // in-app only by default
    const [message, project] = [await typeId('message_received'), await typeId('project_update')]
    const patch = await app.api.patch(
      '/api/v1/communications/email-preferences/',
      {
        types_enabled: [
          { notification_type_id: message, enabled: false },
          { notification_type_id: project, enabled: true },
        ],
      },
      { token: member.token },
    )
    expect(patch.status).toBe(200)
    expect(entry(patch.body, 'message_received').enabled).toBe(false)
    expect(entry(patch.body, 'project_update').enabled).toBe(true)
    expect(entry(patch.body, 'funding_milestone').enabled).toBe(true)
    const unknown = await app.api.patch(
      '/api/v1/communications/email-preferences/',
      {
        types_enabled: [
          { notification_type_id: message, enabled: true },
          { notification_type_id: 999999, enabled: true },
        ],
      },
      { token: member.token },
    )
    expect(unknown.status).toBe(400)
    expect(unknown.body).toMatchObject({ types_enabled: ['Notification type 999999 does not exist.'] })
    // All or nothing: the valid half of the refused request changed nothing.
    const after = await app.api.get('/api/v1/communications/email-preferences/', { token: member.token })
    expect(entry(after.body, 'message_received').enabled).toBe(false)
  })

  it('lets staff add a type that then appears in everyone’s preferences', async () => {
    const staff = await makeStaff(app)
    const created = await app.api.post(
      '/api/notification-types',
      { code: 'office_hours', name: 'Office Hours', description: 'Office hours were scheduled', default_frequency: 'weekly_summary' },
      { token: staff.token },
    )
    expect(created.status).toBe(201)
    const member = await makeUser(app)
    const prefs = await app.api.get('/api/v1/notifications/preferences/', { token: member.token })
    expect(entryForType(prefs.body.type_preferences, 'office_hours')).toMatchObject({
      frequency: 'weekly_summary',
    })
    const refused = await app.api.post('/api/notification-types', { code: 'sneaky', name: 'Sneaky' }, { token: member.token })
    expect(refused.status).toBe(403)
  })
})
