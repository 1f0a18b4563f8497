import { Writable } from 'node:stream'

export type LogLine = { level: number; msg: string; reqId?: string; [key: string]: unknown }

/** Taps the server's log stream; every line written after this call is parsed into `lines`. */
export async function captureLogs(): Promise<{ lines: LogLine[]; stop(): void }> {
  const { logStream } = await import('../../src/lib/logger.ts')
  const lines: LogLine[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine)
      callback()
    },
  })
  logStream.add({ level: 'trace', stream: sink })
  const entry = logStream.streams.find((candidate) => candidate.stream === sink) as { id?: number } | undefined
  return { lines, stop: () => void (entry?.id !== undefined && logStream.remove(entry.id)) }
}
