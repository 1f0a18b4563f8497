import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The process's Prometheus registry, served at /metrics. Labels are route templates, never raw paths or ids. */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry })

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'Answered /api/v1 requests',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
})

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer /api/v1 requests',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

export const outboxDepth = new Gauge({
  name: 'outbox_queue_depth',
  help: 'Outbox messages waiting to be delivered, by status',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
})

export const dbPoolConnections = new Gauge({
  name: 'db_pool_connections',
  help: 'Database pool connections by state (total, idle, waiting clients)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
})

export const analyticsRows = new Gauge({
  name: 'analytics_rows',
  help: 'Usage analytics rows of this process: buffered, recorded, dropped (buffer full), failed (write error)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
})
