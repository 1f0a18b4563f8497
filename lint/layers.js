/**
 * The layers of DESIGN.md as import-x/no-restricted-paths zones: each `target` may not import from its
 * `from` list. Top to bottom:
 *   wiring (payload.config.ts, src/server.ts, app, main, bin, jobs, realtime, dev)
 *   collections + hooks -> endpoints/payload (Payload's own collection endpoints)
 *   endpoints/v1 -> src/http (router, authentication, error mapping, OpenAPI)
 *   src/domain (business rules; areas call each other's use cases)
 *   src/access, src/fields, src/integrations (vendors)
 *   src/lib (imports nothing above it)
 * Paths are relative to the project root (where ESLint runs).
 */
const wiring = [
  './payload.config.ts',
  './src/server.ts',
  './src/app.ts',
  './src/main.ts',
  './src/admin.ts',
  './src/banner.ts',
  './src/bin',
  './src/jobs',
  './src/realtime',
  './src/dev',
]
const payloadConfig = ['./collections', './hooks', './endpoints/payload']
const http = ['./endpoints/v1', './endpoints/health.ts', './endpoints/tokenAlias.ts', './src/http']
const domain = ['./src/domain']
const leaves = ['./src/access', './src/fields', './src/integrations']

const zone = (target, from, message) => ({ target, from, message })

export const layerZones = [
  zone('./src/lib', [...wiring, ...payloadConfig, ...http, ...domain, ...leaves], 'src/lib imports nothing above it.'),
  zone(leaves, [...wiring, ...payloadConfig, ...http, ...domain], 'access, fields and integrations import only src/lib.'),
  zone('./src/access', ['./src/integrations'], 'access predicates do not call vendors.'),
  zone('./src/integrations', ['./src/access', './src/fields'], 'integrations import only src/lib.'),
  zone(domain, [...wiring, ...payloadConfig, ...http], 'src/domain never imports HTTP, collections, hooks, jobs or realtime.'),
  zone('./src/http', [...wiring, ...payloadConfig, './endpoints/v1'], 'the HTTP layer does not import endpoints, collections or wiring.'),
  zone('./endpoints', [...wiring, './collections', './hooks'], 'endpoints call the domain, never collections, hooks or jobs.'),
  zone(['./collections', './hooks'], [...wiring, './endpoints/v1'], 'collections and hooks do not import /api/v1 routes or wiring.'),
]
