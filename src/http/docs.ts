import { createRequire } from 'node:module'
import path from 'node:path'
import express, { Router, type RequestHandler } from 'express'
import { buildOpenApiDocument } from './openapi.ts'

const require = createRequire(import.meta.url)
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'))
const redocBundle = path.join(path.dirname(require.resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js')

// Served from our own origin (no CDN), so the docs work offline and under a strict CSP.
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'"

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title>${head}</head><body style="margin:0">${body}</body></html>`

const SWAGGER_PAGE = page(
  'Platform API · Swagger UI',
  '<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">',
  '<div id="swagger-ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script>',
)
const SWAGGER_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`
const REDOC_PAGE = page(
  'Platform API · ReDoc',
  '',
  '<redoc spec-url="/api/openapi.json"></redoc><script src="/api/redoc/redoc.standalone.js"></script>',
)

const withDocsCsp: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', DOCS_CSP)
  next()
}

/** /api/openapi.json, Swagger UI at /api/docs and ReDoc at /api/redoc. */
export function docsRouter(info: { version: string; serverUrl: string }): Router {
  const router = Router({ strict: false })
  let document: ReturnType<typeof buildOpenApiDocument> | undefined
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument(info) // every route is registered before the server listens
    res.json(document)
  })
  router.get('/docs', withDocsCsp, (_req, res) => res.type('html').send(SWAGGER_PAGE))
  router.get('/docs/init.js', (_req, res) => res.type('application/javascript').send(SWAGGER_INIT))
  router.use('/docs/assets', express.static(swaggerDir, { index: false, maxAge: '1d' }))
  router.get('/redoc', withDocsCsp, (_req, res) => res.type('html').send(REDOC_PAGE))
  router.get('/redoc/redoc.standalone.js', (_req, res) => res.sendFile(redocBundle, { maxAge: '1d' }))
  return router
}
