import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RequestHandler } from 'express'
import { createRequire } from 'node:module'
import { projectRoot } from './lib/projectRoot.ts'

// next is CommonJS: its module.exports is the factory, which NodeNext typing only reaches through require.
const next: typeof import('next').default = createRequire(import.meta.url)('next')

export type Admin = {
  handle: RequestHandler
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  close(): Promise<void>
}

/**
 * The Payload admin panel, rendered by Next. Next only ever sees requests the API did not answer;
 * /api/v1, REST and GraphQL never pass through it.
 */
export async function startAdmin(dev: boolean): Promise<Admin> {
  const app = next({ dev, dir: projectRoot, turbopack: dev, quiet: !dev })
  await app.prepare()
  const handle = app.getRequestHandler()
  const upgrade = app.getUpgradeHandler()
  return {
    handle: (req, res) => void handle(req, res),
    // socket.io answers its own upgrades; the rest (Next's dev HMR socket) belong to Next.
    upgrade: (req, socket, head) => {
      if (!req.url?.startsWith('/socket.io')) void upgrade(req, socket, head)
    },
    close: () => app.close(),
  }
}
