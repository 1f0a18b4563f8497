import type { IncomingMessage, ServerResponse } from 'node:http'

const ABORT_CODES = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_DESTROYED'])

/**
 * True when the client went away before the exchange ended: it closed the connection mid-body or
 * mid-response (load ending, a tab closed). Not a server failure: the access line records it once, at
 * info, as aborted; error handlers log nothing more and write nothing.
 */
export function clientAborted(req: IncomingMessage, res: ServerResponse, error?: unknown): boolean {
  if (req.readableAborted || (res.destroyed && !res.writableFinished)) return true
  if (!error || typeof error !== 'object') return false
  const { code, type } = error as { code?: unknown; type?: unknown }
  return type === 'request.aborted' || (typeof code === 'string' && ABORT_CODES.has(code) && (req.destroyed || res.destroyed))
}
