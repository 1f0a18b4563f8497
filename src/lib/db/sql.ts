import { sql } from '@payloadcms/db-postgres'

type SQL = ReturnType<typeof sql>

/** `(a, b, c)` of bound values, for `status IN ${sqlList(statuses)}`. */
export function sqlList(values: readonly (string | number)[]): SQL {
  return sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`
}

/** The first row of a raw query's result, typed by the caller's SELECT list (or undefined). */
export function firstRow<T>(result: { rows: unknown[] }): T | undefined {
  return result.rows[0] as T | undefined
}
