/** Exit code of a requested restart (EX_TEMPFAIL): a supervisor (systemd, Docker, pm2) starts the process again. */
export const RESTART_EXIT_CODE = 75

let handler: (() => void) | undefined

/** The launcher (src/main.ts) says how to restart: drain, close, exit with RESTART_EXIT_CODE. */
export function onRestartRequested(fn: () => void): void {
  handler = fn
}

/** Starts the restart, if a launcher is in charge of this process; false otherwise (an embedded server, tests). */
export function requestRestart(): boolean {
  if (!handler) return false
  // After the current response has been written.
  setImmediate(handler)
  return true
}
