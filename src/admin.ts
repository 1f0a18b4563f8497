import type { RequestHandler } from 'express'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { projectRoot } from './lib/projectRoot.ts'

// next is CommonJS: its module.exports is the factory, which NodeNext typing only reaches through require.
const next: typeof import('next').default = createRequire(import.meta.url)('next')

export type Admin = {
  handle: RequestHandler
  close(): Promise<void>
}

/**
 * The Payload admin panel, rendered by Next. Next only ever sees requests the API did not answer;
 * /api/v1, REST and GraphQL never pass through it.
 */
export async function startAdmin(dev: boolean): Promise<Admin> {
  if (!dev && !existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
    throw new Error('The admin panel is not built: run `npm run build` before `npm start`.')
  }
  const app = next({ dev, dir: projectRoot, turbopack: dev, quiet: !dev })
  await app.prepare()
  const handle = app.getRequestHandler()
  return {
    // On its first request Next attaches its own 'upgrade' listener to our HTTP server for the dev HMR
    // socket; it leaves upgrades it does not route (socket.io's) alone.
    handle: (req, res) => void handle(req, res),
    close: () => app.close(),
  }
}
