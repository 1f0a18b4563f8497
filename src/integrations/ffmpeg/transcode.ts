import { ffmpegPath, run } from './binaries.ts'

export type OutputFormat = 'mp4' | 'webm' | 'mp3'
export type Quality = 'low' | 'medium' | 'high'

// Per quality: the largest picture height, and the x264 / VP9 constant-quality factors and audio bitrate.
const LEVELS: Record<Quality, { height: number | null; crf264: number; crfVp9: number; audio: string; mp3: string }> = {
  low: { height: 360, crf264: 30, crfVp9: 40, audio: '96k', mp3: '96k' },
  medium: { height: 720, crf264: 24, crfVp9: 33, audio: '128k', mp3: '160k' },
  high: { height: null, crf264: 19, crfVp9: 28, audio: '192k', mp3: '256k' },
}

/** ffmpeg's arguments for one output: H.264/AAC mp4 (fast start), VP9/Opus webm, or an MP3 of the sound. */
export function transcodeArgs(input: string, output: string, format: OutputFormat, quality: Quality): string[] {
  const level = LEVELS[quality]
  // Never upscale; keep the width even (both codecs need it).
  const scale = level.height ? ['-vf', `scale=-2:'min(${level.height},ih)'`] : ['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2']
  const common = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', input, '-map_metadata', '-1']
  switch (format) {
    case 'mp4':
      return [
        ...common,
        ...scale,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        String(level.crf264),
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        level.audio,
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        output,
      ]
    case 'webm':
      return [
        ...common,
        ...scale,
        '-c:v',
        'libvpx-vp9',
        '-b:v',
        '0',
        '-crf',
        String(level.crfVp9),
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-row-mt',
        '1',
        '-c:a',
        'libopus',
        '-b:a',
        level.audio,
        '-f',
        'webm',
        output,
      ]
    case 'mp3':
      return [...common, '-vn', '-c:a', 'libmp3lame', '-b:a', level.mp3, '-f', 'mp3', output]
  }
}

/** Runs ffmpeg for one transcode; resolves when `output` is complete. */
export async function transcodeFile(input: string, output: string, format: OutputFormat, quality: Quality): Promise<void> {
  await run(ffmpegPath, transcodeArgs(input, output, format, quality), { timeoutMs: 60 * 60_000 })
}
