import type { FlattenedField, SanitizedCollectionConfig } from 'payload'

/**
 * One request of the sweep over Payload's interfaces, sent as every caller or only as `only` (signing out
 * is no bad input, but it would end the session the other calls use).
 */
export type SweepCall = { method: string; path: string; body?: string; only?: 'staff' | 'anonymous' }

/** Path segments that can never be an id (ids are whole numbers up to 2^31-1). */
export const BAD_IDS = ['abc', '1.5', '99999999999999999999', "1'%20OR%20'1'%3D'1"]

/** Where clauses every list, count, bulk update and bulk delete must refuse (nothing matches them by accident). */
export const BAD_WHERE = [
  'where[nope][equals]=1',
  'where=abc',
  'where[id]=1',
  'where[id][in]=a,b',
  'where[id][near]=1,2',
  'where[id][all]=1',
  'where[id][greater_than]=99999999999999999999',
  'where[or]=abc',
  'where[or][0][id][equals]=1.5',
  'where[and][0][nope][equals]=1',
  'where[createdAt][equals]=not-a-date',
  'where[nope.deeper][equals]=1',
]

/** Paging and shaping parameters that must be refused (Payload echoes some back, or fails on them). */
export const BAD_PARAMS = [
  'limit=abc',
  'limit=-1',
  'limit=1.5',
  'limit[]=1',
  'page=abc',
  'page=0',
  'page=99999999999',
  'depth=abc',
  'depth=-1',
  'select=abc',
  'populate=abc',
  'joins=abc',
  'locale[]=x',
  'draft=abc',
  'sort[a]=b',
]

/** Parameters Payload may accept (unknown names are ignored): never a 5xx, whatever the answer. */
export const LENIENT_PARAMS = ['sort=-nope,id', 'select[nope]=true', 'populate[nope][x]=true', 'locale=xx', 'depth=50', 'page=999999']

/** Bodies that are not a JSON object at all. */
export const BAD_JSON = ['{bad', '[]', '"x"', 'null', '1']

/** A value of the wrong kind for a field (never valid, so no write may follow). */
function wrongValue(field: FlattenedField): unknown {
  const nested = { nested: { deep: true } }
  const byType: Partial<Record<FlattenedField['type'], unknown>> = {
    text: nested,
    textarea: 12345,
    email: nested,
    code: nested,
    number: 'abc',
    checkbox: 'maybe',
    date: 'not-a-date',
    select: 'zzz-not-an-option',
    radio: 'zzz-not-an-option',
    relationship: 'abc',
    upload: 99999999999,
    richText: 'plain text',
    array: 'x',
  }
  return byType[field.type]
}

/** Create/update bodies for a collection: not objects, unknown fields, each field of the wrong kind, all at once. */
export function badBodies(collection: SanitizedCollectionConfig): { body: string; only?: 'staff' }[] {
  const fields = collection.flattenedFields.filter((field) => !('virtual' in field && field.virtual) && wrongValue(field) !== undefined)
  const allWrong = Object.fromEntries(fields.map((field) => [field.name, wrongValue(field)]))
  return [
    ...[...BAD_JSON, JSON.stringify({ nope: 1 }), JSON.stringify(allWrong)].map((body) => ({ body })),
    ...fields.map((field) => ({ body: JSON.stringify({ [field.name]: wrongValue(field) }), only: 'staff' as const })),
  ]
}

const isPolymorphic = (field: FlattenedField) => 'relationTo' in field && Array.isArray(field.relationTo)

/** Where clauses naming the collection's own fields with values or operators they cannot take. */
export function fieldWheres(collection: SanitizedCollectionConfig): string[] {
  const fields = collection.flattenedFields
  const text = fields.find((field) => field.type === 'text')?.name
  const typed = fields.filter((field) => ['number', 'date', 'checkbox', 'relationship', 'upload'].includes(field.type)).slice(0, 3)
  return [
    ...typed.flatMap((field) => [
      `where[${field.name}][equals]=abc`,
      ...(isPolymorphic(field) ? [`where[${field.name}.value][in]=a,b`] : []),
    ]),
    ...(text ? [`where[${text}][near]=1,2`, `where[${text}][bogus]=1`, `where[${text}]=1`] : []),
  ]
}

/** Every REST route of a collection with bad ids, bad queries and bad bodies. `existingId` is a real row. */
export function collectionCalls(collection: SanitizedCollectionConfig, existingId: number): SweepCall[] {
  const base = `/api/${collection.slug}`
  const wheres = [...BAD_WHERE, ...fieldWheres(collection)]
  const someWheres = [BAD_WHERE[0], BAD_WHERE[1], ...fieldWheres(collection).slice(0, 1)]
  return [
    ...[...wheres, ...LENIENT_PARAMS].map((query) => ({ method: 'GET', path: `${base}?${query}` })),
    // Checked before access, alike for every caller: sent once, as staff.
    ...BAD_PARAMS.map((query) => ({ method: 'GET', path: `${base}?${query}`, only: 'staff' as const })),
    ...someWheres.map((query) => ({ method: 'GET', path: `${base}/count?${query}` })),
    ...['', '?limit=abc'].map((query) => ({ method: 'GET', path: `${base}/versions${query}` })),
    ...['depth=abc', 'select=abc'].map((query) => ({ method: 'GET', path: `${base}/${existingId}?${query}` })),
    ...BAD_IDS.flatMap((id) => [
      { method: 'GET', path: `${base}/${id}` },
      { method: 'PATCH', path: `${base}/${id}`, body: '{}' },
      { method: 'DELETE', path: `${base}/${id}` },
      { method: 'POST', path: `${base}/${id}/duplicate`, body: '{}', only: 'staff' as const },
      { method: 'GET', path: `${base}/versions/${id}`, only: 'staff' as const },
      { method: 'POST', path: `${base}/versions/${id}`, body: '{}', only: 'staff' as const },
      { method: 'POST', path: `${base}/access/${id}`, body: '{}', only: 'staff' as const },
    ]),
    ...someWheres.map((query) => ({ method: 'DELETE', path: `${base}?${query}` })),
    ...someWheres.map((query) => ({ method: 'PATCH', path: `${base}?${query}`, body: '{}' })),
    ...badBodies(collection).flatMap(({ body, only }) => [
      ...(only ? [] : [{ method: 'POST', path: base, body }]),
      { method: 'PATCH', path: `${base}/${existingId}`, body, only },
    ]),
    { method: 'PATCH', path: `${base}?where[id][equals]=${existingId}`, body: JSON.stringify({ nope: 1 }) },
  ]
}

/** Payload's auth routes of the users collection (ours in their place), with bad and refused bodies. */
export function authCalls(): SweepCall[] {
  const post = (path: string, bodies: unknown[]) =>
    bodies.map((body) => ({ method: 'POST', path: `/api/users/${path}`, body: typeof body === 'string' ? body : JSON.stringify(body) }))
  const nobody = 'nobody-sweep@example.invalid'
  return [
    ...post('login', [...BAD_JSON, {}, { email: 1, password: 1 }, { email: nobody }, { email: nobody, password: 'wrong-password-1' }]),
    ...post('logout', ['{}', '[]']).map((call) => ({ ...call, only: 'anonymous' as const })),
    ...post('refresh-token', ['{}', '[]']),
    ...post('forgot-password', [...BAD_JSON, {}, { email: 1 }, { username: ['a'] }, { email: 'x'.repeat(300) }]),
    ...post('reset-password', [...BAD_JSON, {}, { token: 'abc', password: 'New-passphrase-123' }, { token: 1, password: 2 }]),
    ...post('verify/abc', ['{}']),
    ...post('verify/%00', ['{}']),
    ...post('unlock', ['{}', JSON.stringify({ email: nobody })]),
    ...post('first-register', ['{}', JSON.stringify({ email: nobody, password: 'New-passphrase-123' })]),
    ...['me', 'init', 'me?depth=abc', 'me?select=abc'].map((path) => ({ method: 'GET', path: `/api/users/${path}` })),
    { method: 'GET', path: '/api/access' },
    { method: 'GET', path: '/api/access?depth=abc' },
    { method: 'GET', path: '/api/nope-collection/abc' },
  ]
}

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type Operation = { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }
type EnumValues = Record<string, string[]>
type SchemaType = { kind: string; name: string; enumValues: { name: string }[] | null; inputFields: { type: { kind: string } }[] | null }

/** What the sweep needs from GraphQL introspection: every query and mutation field, and enum values. */
export const INTROSPECTION = `{
  __schema {
    queryType { fields { ...Operation } }
    mutationType { fields { ...Operation } }
    types { kind name enumValues { name } inputFields { type { kind } } }
  }
}
fragment Operation on __Field { name args { name type { ...Ref } } type { ...Ref } }
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`

const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type)
const isList = (type: TypeRef): boolean => type.kind === 'LIST' || (type.ofType !== null && isList(type.ofType))

/** A literal of the argument's type that is wrong for it in value (a missing id, a negative page), or undefined. */
function badLiteral(arg: { name: string; type: TypeRef }, enums: EnumValues, intAs: string, optional: Set<string>): string | undefined {
  const type = named(arg.type)
  // Empty data is valid input where nothing is required (a create would then succeed): leave it out.
  if (type.kind === 'INPUT_OBJECT' && arg.name === 'data' && optional.has(type.name ?? '')) return undefined
  const scalar =
    type.kind === 'ENUM'
      ? enums[type.name ?? '']?.[0]
      : type.kind === 'INPUT_OBJECT'
        ? '{}'
        : (
            {
              Int: intAs,
              Float: '-1.5',
              String: '"abc"',
              Boolean: 'true',
              ID: '"abc"',
              JSON: '{}',
              JSONObject: '{}',
              DateTime: '"not-a-date"',
              EmailAddress: '"x"',
            } as Record<string, string>
          )[type.name ?? '']
  return scalar !== undefined && isList(arg.type) ? `[${scalar}]` : scalar
}

function document(
  kind: 'query' | 'mutation',
  operation: Operation,
  literal: (arg: Operation['args'][number]) => string | undefined,
): string {
  const args = operation.args.flatMap((arg) => {
    const value = literal(arg)
    return value === undefined ? [] : [`${arg.name}: ${value}`]
  })
  const returns = named(operation.type)
  const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(returns.kind) ? ' { __typename }' : ''
  return `${kind} { ${operation.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`
}

/**
 * GraphQL documents for every query and mutation of the schema: ids that do not exist (2147483647) or
 * cannot ("abc"), empty data and where inputs, impossible where clauses, negative pages and limits. Mutations only ever name
 * missing rows, so a correct server writes nothing.
 */
export function graphqlDocuments(schema: {
  queryType: { fields: Operation[] }
  mutationType: { fields: Operation[] }
  types: SchemaType[]
}): SweepCall[] {
  const enums: EnumValues = Object.fromEntries(
    schema.types.filter((type) => type.enumValues).map((type) => [type.name, (type.enumValues ?? []).map(({ name }) => name)]),
  )
  const optional = new Set(
    schema.types.filter((type) => type.inputFields?.every((field) => field.type.kind !== 'NON_NULL')).map((type) => type.name),
  )
  const operations: ['query' | 'mutation', Operation][] = [
    ...schema.queryType.fields.map((field): ['query', Operation] => ['query', field]),
    ...schema.mutationType.fields.map((field): ['mutation', Operation] => ['mutation', field]),
  ]
  return operations.flatMap(([kind, operation]) => {
    const only = ['logoutUser', 'refreshTokenUser'].includes(operation.name) ? ('anonymous' as const) : undefined
    return [
      document(kind, operation, () => undefined),
      document(kind, operation, (arg) => badLiteral(arg, enums, '"abc"', optional)),
      document(kind, operation, (arg) =>
        arg.name === 'where' ? '{ id: { equals: -1 }, AND: [{ id: { in: [-5] } }] }' : badLiteral(arg, enums, '2147483647', optional),
      ),
      ...(operation.args.some((arg) => arg.name === 'page') ? [`${kind} { ${operation.name}(page: -1, limit: -1) { __typename } }`] : []),
    ].map((query) => ({ method: 'GRAPHQL', path: '/api/graphql', body: query, only }))
  })
}
