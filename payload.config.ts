import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import { collections } from './collections/index.ts'
import { config } from './src/lib/config.ts'
import { pgForPayload } from './src/lib/db/pgForPayload.ts'
import { payloadLoggingLevels, reportPayloadError } from './src/http/payloadErrors.ts'
import { buildEmailAdapter } from './src/lib/email/emailAdapter.ts'
import { logger } from './src/lib/logger.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    user: 'users',
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') },
    meta: { titleSuffix: ' · Platform admin' },
    // Payload shows its login form only with its local strategy on (collections/Users: off).
    components: { afterLogin: ['/src/app/(payload)/components/AdminLoginForm.tsx#AdminLoginForm'] },
  },
  collections,
  db: postgresAdapter({
    pool: { connectionString: config.DATABASE_URL, max: 20 },
    pg: pgForPayload,
    // Schema changes only ever arrive through migrations/, in every environment.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  editor: lexicalEditor(),
  email: buildEmailAdapter(),
  secret: config.PAYLOAD_SECRET,
  serverURL: config.PUBLIC_URL,
  cors: config.CORS_ORIGINS,
  csrf: [config.PUBLIC_URL, ...config.CORS_ORIGINS],
  logger,
  // Client errors on auto REST and GraphQL become 4xx in Payload's shape, in one place (src/http/payloadErrors.ts).
  hooks: { afterError: [reportPayloadError] },
  loggingLevels: payloadLoggingLevels,
  telemetry: false,
  typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'src/payload-types.ts') },
})
