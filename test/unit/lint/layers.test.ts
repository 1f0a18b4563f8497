import { ESLint } from 'eslint'

// The project's own ESLint config, run on source text placed at a path inside the tree: each case is a
// deliberate import across the layers, which `npm run lint` must refuse.
const eslint = new ESLint({ cwd: process.cwd() })

async function problemsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`)
}

describe('layer rules (npm run lint)', () => {
  it.each([
    ['src/lib imports the domain', 'src/lib/backImport.ts', "import { hashPassword } from '../domain/auth/passwords.ts'"],
    ['src/lib imports the HTTP layer', 'src/lib/backImport.ts', "import { errorHandler } from '../http/errorHandler.ts'"],
    ['the domain imports a collection', 'src/domain/events/backImport.ts', "import { Events } from '../../../collections/Events/index.ts'"],
    ['the domain imports realtime', 'src/domain/outbox/backImport.ts', "import { startRealtime } from '../../realtime/index.ts'"],
    ['the domain imports the HTTP layer', 'src/domain/auth/backImport.ts', "import { v1Router } from '../../http/v1Router.ts'"],
    ['an endpoint imports a job', 'endpoints/v1/admin/backImport.ts', "import { jobs } from '../../../src/jobs/index.ts'"],
    [
      'an endpoint imports a collection',
      'endpoints/v1/events/backImport.ts',
      "import { Events } from '../../../collections/Events/index.ts'",
    ],
    [
      'an integration imports the domain',
      'src/integrations/stripe/backImport.ts',
      "import { enqueue } from '../../domain/outbox/enqueue.ts'",
    ],
    ['an access predicate imports the domain', 'src/access/backImport.ts', "import { enqueue } from '../domain/outbox/enqueue.ts'"],
  ])('refuses %s', async (_case, filePath, importLine) => {
    const problems = await problemsOf(filePath, `${importLine}\nexport const used = [${importLine.match(/\{ (\w+) \}/)?.[1]}]\n`)
    expect(problems).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: Unexpected path/)])
  })

  it('refuses two domain areas importing each other (registrations already imports events)', async () => {
    const problems = await problemsOf(
      'src/domain/events/backImport.ts',
      "import { REGISTRATION_STATUSES } from '../registrations/statuses.ts'\nexport const used = REGISTRATION_STATUSES\n",
    )
    expect(problems).toEqual([
      'local/no-mutual-area-imports: Area "events" imports "registrations", and "registrations" imports "events": areas depend on each other one way only.',
    ])
  })

  it('accepts imports that flow down the layers', async () => {
    const code = [
      "import { takeSeat } from '../events/eventSeats.ts'",
      "import { sqlList } from '../../lib/db/sql.ts'",
      "import { isStaffMember } from '../../access/isStaffMember.ts'",
      "import { stripe } from '../../integrations/stripe/client.ts'",
      'export const used = [takeSeat, sqlList, isStaffMember, stripe]',
      '',
    ].join('\n')
    expect(await problemsOf('src/domain/registrations/fine.ts', code)).toEqual([])
  })
})
