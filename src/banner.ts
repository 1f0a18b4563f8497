import { DEMO_PASSWORD, DEMO_USERS } from './domain/seed/seedDemo.ts'
import type { AdminAccount } from './domain/seed/ensureAdminUser.ts'
import { config } from './lib/config.ts'

/** What a developer needs after `npm run dev`: where everything is and how to sign in. */
export function printBanner({
  admin,
  embeddedDatabase,
  demo,
  fakeStripeUrl,
}: {
  admin: AdminAccount
  embeddedDatabase: boolean
  demo: boolean
  fakeStripeUrl?: string
}): void {
  const url = config.PUBLIC_URL
  const password = admin.generatedPassword ?? (admin.created ? '(ADMIN_PASSWORD)' : '(unchanged; set when it was created)')
  const lines = [
    '',
    `Platform is running (${config.NODE_ENV})`,
    `  Admin panel   ${url}/admin`,
    `  REST API      ${url}/api/<collection>   e.g. ${url}/api/users`,
    `  GraphQL       ${url}/api/graphql`,
    `  API docs      ${url}/api/docs   (ReDoc ${url}/api/redoc, OpenAPI ${url}/api/openapi.json)`,
    `  Custom API    ${url}/api/v1   e.g. ${url}/api/v1/system/health`,
    `  Health        ${url}/health`,
    `  Database      ${embeddedDatabase ? 'embedded PostgreSQL in .data/pg' : 'DATABASE_URL'}`,
    `  Payments      ${fakeStripeUrl ? `local fake Stripe at ${fakeStripeUrl} (checkout pages have Pay / Fail buttons)` : 'Stripe'}`,
    '',
    `  Staff login   ${admin.email}  password: ${password}`,
    ...(admin.generatedPassword ? ['                (generated now and shown only once: write it down, or set ADMIN_PASSWORD)'] : []),
    ...(demo ? DEMO_USERS.map((user) => `  Demo user     ${user.email}  password: ${DEMO_PASSWORD}  (${user.roles.join(', ')})`) : []),
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
}
