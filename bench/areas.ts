import { chatReport, measureChat } from './chat.ts'
import { contentReport, measureContent } from './content.ts'
import { crmReport, measureCrm } from './crm.ts'
import { humanlinkReport, measureHumanlink } from './humanlink.ts'
import { measureNotifications, notificationsReport } from './notifications.ts'
import { analyticsReport, measureAnalyticsOverhead, type StartServer } from './platform.ts'
import type { Row } from './rows.ts'
import { measureStartups, startupsReport } from './startups.ts'

/** What an area's bench may need from the run: the platform under test, its database and secrets, the knobs. */
export type BenchContext = {
  baseUrl: string
  databaseUrl: string
  jwtSecret: string
  crmToken: string
  root: string
  duration: number
  connections: number
  /** One more production server on the same database, for A/B scenarios. */
  startExtraPlatform: StartServer
}

/** An area's figures (bench/results.json under `name`), their printed report and any rows for the table. */
export type AreaResult = { name: string; result: unknown; report: string; rows: Row[] }
export type AreaBench = (context: BenchContext) => Promise<AreaResult>

function area<T>(
  name: string,
  measure: (context: BenchContext) => Promise<T>,
  report: (result: T) => string,
  rows?: (result: T) => Row[],
): AreaBench {
  return async (context) => {
    const result = await measure(context)
    return { name, result, report: report(result), rows: rows?.(result) ?? [] }
  }
}

/** Every area's bench, measured one after the other in this order (reports and results.json keep it). */
export const areaBenches: AreaBench[] = [
  area('content', (c) => measureContent(c.baseUrl, c.databaseUrl, c.jwtSecret, c.root), contentReport),
  area('notifications', (c) => measureNotifications(c.baseUrl, c.databaseUrl, c.jwtSecret, c.root), notificationsReport),
  area('humanlink', (c) => measureHumanlink(c.baseUrl, c.databaseUrl, c.jwtSecret), humanlinkReport),
  area('crm', (c) => measureCrm(c.baseUrl, c.databaseUrl, c.jwtSecret, c.crmToken), crmReport),
  area('chat', (c) => measureChat(c.baseUrl, c.databaseUrl, c.jwtSecret), chatReport),
  area(
    'startups',
    (c) => measureStartups(c.baseUrl, c.databaseUrl, c.duration, c.connections),
    startupsReport,
    (startups) => [startups.platform, startups.raw_pg],
  ),
  area('analytics', (c) => measureAnalyticsOverhead(c.startExtraPlatform, c.connections, c.duration), analyticsReport),
]
