import { v1Groups } from '../../endpoints/v1/index.ts'
import { healthRoutes } from '../../endpoints/health.ts'
import { tokenAliasRoutes } from '../../endpoints/tokenAlias.ts'
import { toOpenApiPath } from '../../src/http/openapi.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> } }

/** What express actually serves: every route layer of every mounted group, as "METHOD /api/v1/path". */
function mountedRoutes(): string[] {
  const groups = [...v1Groups, healthRoutes, tokenAliasRoutes]
  return groups.flatMap((group) =>
    (group.router.stack as Layer[]).flatMap((layer) => {
      if (!layer.route) return []
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]
      return paths.flatMap((path) =>
        Object.keys(layer.route!.methods).map(
          (method) => `${method.toUpperCase()} ${toOpenApiPath(`${group.base}${group.prefix}${path}`.replace(/\/$/, ''))}`,
        ),
      )
    }),
  )
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', async () => {
    const res = await app.api.get('/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(res.body.info).toMatchObject({ title: 'Platform API', version: '1.0.0' })
  })

  it('documents every mounted route, with its method', async () => {
    const { body } = await app.api.get('/api/openapi.json')
    const documented = Object.entries(body.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const mounted = mountedRoutes()
    expect(mounted.length).toBeGreaterThan(1)
    expect(mounted.filter((route) => !documented.includes(route))).toEqual([])
  })

  it('describes the system health response from its zod schema', async () => {
    const { body } = await app.api.get('/api/openapi.json')
    const schema = body.paths['/api/v1/system/health'].get.responses['200'].content['application/json'].schema
    expect(schema.required).toEqual(['status', 'version', 'uptime', 'timestamp'])
  })
})

describe('documentation pages', () => {
  it.each([
    ['/api/docs', '/api/docs/assets/swagger-ui-bundle.js'],
    ['/api/docs/', '/api/docs/assets/swagger-ui.css'],
    ['/api/redoc', '/api/redoc/redoc.standalone.js'],
  ])('%s is served with its assets from this server, no CDN', async (page, asset) => {
    const html = await app.api.get(page)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.text).toContain(asset.replace(/\/$/, ''))
    expect(html.text).not.toMatch(/https?:\/\//)
    const file = await app.api.get(asset)
    expect(file.status).toBe(200)
    expect(file.text.length).toBeGreaterThan(1000)
  })
})
