import fs from 'node:fs/promises'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Payload } from 'payload'
import { projectRoot } from '../../lib/projectRoot.ts'
import { outboxQueueDepth, type OutboxDepth } from '../outbox/queueDepth.ts'
import { poolUsage, type PoolUsage } from './poolUsage.ts'

export type SystemStats = {
  cpuPercent: number
  memoryPercent: number
  diskPercent: number
  nodeVersion: string
  uptimeSeconds: number
  processMemoryBytes: number
  pool: PoolUsage
  outbox: OutboxDepth
}

const CPU_SAMPLE_MS = 100
const pct = (value: number) => Math.round(value * 1000) / 10

/** Busy share of all cores over a short sample (os.cpus() counters only grow, so two readings are needed). */
async function cpuPercent(): Promise<number> {
  const totals = () =>
    os.cpus().reduce(
      (sum, cpu) => {
        const { idle, ...busy } = cpu.times
        return { idle: sum.idle + idle, all: sum.all + idle + Object.values(busy).reduce((a, b) => a + b, 0) }
      },
      { idle: 0, all: 0 },
    )
  const before = totals()
  await sleep(CPU_SAMPLE_MS)
  const after = totals()
  const all = after.all - before.all
  return all > 0 ? pct(1 - (after.idle - before.idle) / all) : 0
}

/** Machine and process figures for GET /api/v1/system/stats (spec 003, node_version for python_version). */
export async function systemStats(payload: Payload): Promise<SystemStats> {
  const [cpu, disk, outbox] = await Promise.all([cpuPercent(), fs.statfs(projectRoot), outboxQueueDepth(payload)])
  return {
    cpuPercent: cpu,
    memoryPercent: pct(1 - os.freemem() / os.totalmem()),
    diskPercent: disk.blocks > 0 ? pct(1 - disk.bavail / disk.blocks) : 0,
    nodeVersion: process.versions.node,
    uptimeSeconds: Math.round(process.uptime()),
    processMemoryBytes: process.memoryUsage().rss,
    pool: poolUsage(payload),
    outbox,
  }
}
