import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Next renders only the admin panel; the API is served by express in src/server.ts. */
const nextConfig: NextConfig = {
  // One copy of Payload in the process: the admin must use the instance the server booted.
  serverExternalPackages: ['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', '@payloadcms/graphql', 'pino', 'pino-http'],
  // The dev server blocks HMR from origins other than localhost; 127.0.0.1 is the same machine.
  allowedDevOrigins: ['127.0.0.1'],
  // `npm run typecheck` checks the whole project; the admin build need not do it again.
  typescript: { ignoreBuildErrors: true },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = { '.cjs': ['.cts', '.cjs'], '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'] }
    return webpackConfig
  },
  turbopack: { root: path.resolve(dirname) },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
