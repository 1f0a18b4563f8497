import { execFile } from 'node:child_process'
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import ffprobeInstaller from '@ffprobe-installer/ffprobe'

/** ffmpeg and ffprobe ship inside npm packages (a static build per platform): nothing is downloaded at run time. */
export const ffmpegPath: string = ffmpegInstaller.path
export const ffprobePath: string = ffprobeInstaller.path

/** Runs a binary with arguments (no shell), resolving its stdout; rejects with the end of stderr on failure. */
export function run(binary: string, args: string[], { timeoutMs = 10 * 60_000 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${binary.split('/').pop()} failed: ${String(stderr).trim().split('\n').slice(-3).join(' ') || error.message}`))
      else resolve(stdout)
    })
  })
}
