import { z } from 'zod'
import { ffprobePath, run } from './binaries.ts'

const Stream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
})
const ProbeOutput = z.object({
  streams: z.array(Stream).default([]),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }).default({}),
})

export type MediaProbe = {
  hasVideo: boolean
  hasAudio: boolean
  /** Seconds, null for still images. */
  duration: number | null
  width: number | null
  height: number | null
  formatName: string | null
  codecs: string[]
}

/** What ffprobe reads from a media file: streams, duration and picture size. Throws when it is not media. */
export async function probeMedia(file: string): Promise<MediaProbe> {
  const output = await run(ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
    timeoutMs: 60_000,
  })
  const probe = ProbeOutput.parse(JSON.parse(output))
  // Cover art inside an audio file is a "video" stream too; it does not make the file a video.
  const video = probe.streams.find((stream) => stream.codec_type === 'video' && !stream.disposition?.attached_pic)
  const duration = Number(probe.format.duration ?? video?.duration)
  return {
    hasVideo: Boolean(video),
    hasAudio: probe.streams.some((stream) => stream.codec_type === 'audio'),
    duration: Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) / 1000 : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    formatName: probe.format.format_name ?? null,
    codecs: probe.streams.map((stream) => stream.codec_name ?? 'unknown'),
  }
}
