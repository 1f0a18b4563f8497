import { z } from 'zod'

export const SystemHealthOut = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  version: z.string(),
  uptime: z.number().describe('Seconds since the process started'),
  timestamp: z.iso.datetime({ offset: true }),
})

export const SystemStatsOut = z.object({
  cpu_percent: z.number(),
  memory_percent: z.number(),
  disk_percent: z.number(),
  node_version: z.string().describe("In place of spec 003's python_version"),
  uptime: z.number(),
  process_memory_bytes: z.number(),
  database_pool: z.object({ total: z.number(), idle: z.number(), waiting: z.number(), max: z.number() }),
  outbox: z.object({ pending: z.number(), processing: z.number(), failed: z.number() }),
})

export const SystemConfigOut = z
  .object({
    environment: z.string(),
    debug_mode: z.boolean(),
    max_upload_size: z.number(),
    stripe_enabled: z.boolean(),
    redis_enabled: z.boolean(),
  })
  .loose()

export const LogsQuery = z.object({ lines: z.coerce.number().int().min(1).max(1000).default(100) })
export const LogsOut = z.object({ lines: z.array(z.string()), count: z.number() })

export const RestartOut = z.object({ status: z.literal('restarting'), message: z.string(), exit_code: z.number() })
