import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeEvent, makeFacilitator, makeStaff, makeUser } from '../helpers/factories.ts'
import { captureLogs, type LogLine } from '../helpers/logCapture.ts'
import { INTROSPECTION, authCalls, collectionCalls, graphqlDocuments, type SweepCall } from '../helpers/payloadSweep.ts'

let app: TestApp
let logs: { lines: LogLine[]; stop(): void }
let callers: { name: string; role: 'anonymous' | 'user' | 'staff'; token?: string }[]
beforeAll(async () => {
  app = await startTestApp({ env: { LOG_LEVEL: 'info' } })
  const [user, staff] = await Promise.all([makeUser(app), makeStaff(app)])
  await Promise.all([makeEvent(app), makeFacilitator(app)])
  callers = [
    { name: 'anonymous', role: 'anonymous' },
    { name: 'plain user', role: 'user', token: user.token },
    { name: 'staff', role: 'staff', token: staff.token },
  ]
  logs = await captureLogs()
}, 120_000)
afterAll(async () => {
  logs.stop()
  await app.stop()
})

/** Every row of every table, so "nothing was written" can be checked after the sweep. */
async function databaseState(): Promise<Record<string, string>> {
  const tables = await sqlRows<{ name: string }>(
    app,
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  )
  const state: Record<string, string> = {}
  for (const { name } of tables) {
    const [row] = await sqlRows<{ digest: string | null }>(
      app,
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
    )
    state[name] = row.digest ?? 'empty'
  }
  return state
}

async function firstId(table: string): Promise<number> {
  const [row] = await sqlRows<{ id: number }>(app, `SELECT min(id) AS id FROM "${table}"`)
  return row?.id ?? 1
}

type Outcome = { caller: string; call: string; status: number; detail: string }

/** Sends every call as every caller, a few at a time; returns what answered with a server error. */
async function sweep(
  calls: SweepCall[],
  send: (call: SweepCall, token?: string) => Promise<{ status: number; text: string; serverError: boolean }>,
) {
  const failures: Outcome[] = []
  const jobs = callers.flatMap((caller) =>
    calls.filter((call) => !call.only || call.only === caller.role).map((call) => ({ caller, call })),
  )
  for (let start = 0; start < jobs.length; start += 12) {
    await Promise.all(
      jobs.slice(start, start + 12).map(async ({ caller, call }) => {
        const res = await sendOnce(() => send(call, caller.token))
        if (res.serverError)
          failures.push({
            caller: caller.name,
            call: `${call.method} ${call.path} ${call.body ?? ''}`,
            status: res.status,
            detail: res.text.slice(0, 300),
          })
      }),
    )
  }
  return { sent: jobs.length, failures }
}

/**
 * A keep-alive socket the server closes just as the client reuses it fails the fetch with ECONNRESET before
 * any answer (likelier on a loaded machine): that request is sent again, on a fresh connection.
 */
async function sendOnce<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    if (cause?.code !== 'ECONNRESET') throw error
    return send()
  }
}

const rest = async (call: SweepCall, token?: string) => {
  const headers: Record<string, string> = call.body === undefined ? {} : { 'content-type': 'application/json' }
  const res = await app.api.request(call.method, call.path, undefined, { token, rawBody: call.body, headers })
  return { status: res.status, text: res.text, serverError: res.status >= 500 }
}

const graphql = async (call: SweepCall, token?: string) => {
  const res = await app.api.post('/api/graphql', { query: call.body }, { token })
  const errors = Array.isArray(res.body.errors) ? res.body.errors : []
  const failed = errors.some((error) => Number(error.extensions?.statusCode ?? 0) >= 500)
  return { status: res.status, text: res.text, serverError: res.status >= 500 || failed }
}

describe("sweep over Payload's auto REST and GraphQL", () => {
  it('answers bad ids, where clauses, parameters and bodies on every route with 4xx (or a harmless 2xx), never 5xx, writing nothing', async () => {
    const before = await databaseState()
    const restCalls: SweepCall[] = [...authCalls()]
    for (const collection of app.payload.config.collections) {
      restCalls.push(...collectionCalls(collection, await firstId(collection.slug.replace(/-/g, '_'))))
    }
    const introspection = await app.api.post('/api/graphql', { query: INTROSPECTION })
    const documents = graphqlDocuments(introspection.body.data.__schema as unknown as Parameters<typeof graphqlDocuments>[0])
    const restResult = await sweep(restCalls, rest)
    const graphqlResult = await sweep(documents, graphql)
    const failures = [...restResult.failures, ...graphqlResult.failures]
    console.log(
      `Payload interfaces sweep: ${restResult.sent + graphqlResult.sent} requests sent (${restResult.sent} REST over ` +
        `${app.payload.config.collections.length} collections, ${graphqlResult.sent} GraphQL over ${documents.length} documents) ` +
        `as ${callers.map(({ name }) => name).join(', ')}; ${failures.length} answered 5xx`,
    )
    expect(failures).toEqual([])
    const after = await databaseState()
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([])
    expect(logs.lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([])
  }, 600_000)
})
