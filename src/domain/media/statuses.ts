/** What an uploaded medium is, decided from its bytes (file-type) and its streams (ffprobe). */
export const MEDIA_TYPES = ['video', 'audio', 'image'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

/** spec 003's transcode request. */
export const TRANSCODE_FORMATS = ['mp4', 'webm', 'mp3'] as const
export type TranscodeFormat = (typeof TRANSCODE_FORMATS)[number]
export const TRANSCODE_QUALITIES = ['low', 'medium', 'high'] as const
export type TranscodeQuality = (typeof TRANSCODE_QUALITIES)[number]

/** A transcode job: queued -> processing -> done | failed (a crashed worker's job is claimed again). */
export const TRANSCODE_STATUSES = ['queued', 'processing', 'done', 'failed'] as const
export type TranscodeStatus = (typeof TRANSCODE_STATUSES)[number]

/** The media record's own view of its latest transcode, for polling: `none` until one is asked for. */
export const MEDIA_TRANSCODE_STATUSES = ['none', ...TRANSCODE_STATUSES] as const
export type MediaTranscodeStatus = (typeof MEDIA_TRANSCODE_STATUSES)[number]
