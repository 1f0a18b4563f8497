import type { SystemStats } from '../../../src/domain/system/systemStats.ts'

export const serializeStats = (stats: SystemStats) => ({
  cpu_percent: stats.cpuPercent,
  memory_percent: stats.memoryPercent,
  disk_percent: stats.diskPercent,
  node_version: stats.nodeVersion,
  uptime: stats.uptimeSeconds,
  process_memory_bytes: stats.processMemoryBytes,
  database_pool: stats.pool,
  outbox: stats.outbox,
})
