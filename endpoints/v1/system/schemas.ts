import { z } from 'zod'

export const SystemHealthOut = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  version: z.string(),
  uptime: z.number().describe('Seconds since the process started'),
  timestamp: z.iso.datetime({ offset: true }),
})
