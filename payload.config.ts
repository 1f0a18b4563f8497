import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { s3Storage } from '@payloadcms/storage-s3'
import { buildConfig } from 'payload'
import { collections } from './collections/index.ts'
import { config } from './src/lib/config.ts'
import { pgForPayload } from './src/lib/db/pgForPayload.ts'
import { payloadLoggingLevels, reportPayloadError } from './src/http/payloadErrors.ts'
import { buildEmailAdapter } from './src/lib/email/emailAdapter.ts'
import { logger } from './src/lib/logger.ts'
import { s3ClientConfig } from './src/integrations/s3/s3Client.ts'
import { uploadTempDir } from './src/lib/storage/uploadDirs.ts'

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
  // Uploads through Payload's REST API and the admin stream to temp files on disk, never into memory.
  upload: {
    useTempFiles: true,
    tempFileDir: uploadTempDir,
    abortOnLimit: true,
    limits: { fileSize: config.UPLOAD_MAX_BYTES },
    requestSizeLimit: config.UPLOAD_MAX_BYTES + 1_048_576,
  },
  plugins: [
    // Local disk (.data/uploads) unless S3_BUCKET is set; the plugin's fields are always there, so the
    // schema (and the migrations) are the same either way.
    s3Storage({
      enabled: Boolean(config.S3_BUCKET),
      alwaysInsertFields: true,
      bucket: config.S3_BUCKET ?? '',
      collections: { media: true, files: true },
      config: s3ClientConfig(),
    }),
  ],
})
