import type { TestApp } from './app.ts'
import { makeUser, unique, type TestUser } from './factories.ts'

/** A user owning a new startup (created through /api/v1, so they hold the startup role). */
export async function makeStartupOwner(app: TestApp): Promise<TestUser & { startupId: number }> {
  const owner = await makeUser(app)
  const res = await app.api.post(
    '/api/v1/profiles/startups/',
    { company_name: `Startup ${unique()}`, description: 'We build things' },
    { token: owner.token },
  )
  if (res.status !== 201) throw new Error(`startup not created: ${res.status} ${res.text}`)
  return { ...owner, startupId: Number(res.body.id) }
}

/** A user bound to a new investor company (so they hold the investor role). */
export async function makeInvestor(app: TestApp): Promise<TestUser & { investorId: number; name: string }> {
  const investor = await makeUser(app)
  const name = `Ventures ${unique()}`
  const res = await app.api.post('/api/v1/auth/bind-company/', { company_name: name, company_type: 'investor' }, { token: investor.token })
  if (res.status !== 201) throw new Error(`investor not bound: ${res.status} ${res.text}`)
  return { ...investor, investorId: Number(res.body.company_id), name }
}

export const projectBody = (startupId: number, overrides: Record<string, unknown> = {}) => ({
  startup: startupId,
  title: `Project ${unique()}`,
  description: 'Smart analytics for business',
  status: 'active',
  duration: 30,
  funding_goal: '100000.00',
  current_funding: '5000.00',
  email: 'project@example.com',
  has_patents: true,
  is_participant: false,
  is_active: true,
  ...overrides,
})

/** A project created by its startup's owner through /api/v1; returns its id. */
export async function makeProject(app: TestApp, owner: TestUser & { startupId: number }, overrides: Record<string, unknown> = {}) {
  const res = await app.api.post('/api/v1/projects/', projectBody(owner.startupId, overrides), { token: owner.token })
  if (res.status !== 201) throw new Error(`project not created: ${res.status} ${res.text}`)
  return Number(res.body.id)
}
