import { transcodeArgs } from '../../../../src/integrations/ffmpeg/transcode.ts'

describe('transcodeArgs', () => {
  it('makes H.264/AAC mp4 with fast start, never upscaling past the quality height', () => {
    const args = transcodeArgs('in.mov', 'out.mp4', 'mp4', 'low')
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'libx264', '-c:a', 'aac', '-movflags', '+faststart']))
    expect(args[args.indexOf('-vf') + 1]).toBe("scale=-2:'min(360,ih)'")
    expect(args.slice(-3)).toEqual(['-f', 'mp4', 'out.mp4'])
  })

  it('makes VP9/Opus webm and keeps the size at high quality', () => {
    const args = transcodeArgs('in.mp4', 'out.webm', 'webm', 'high')
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'libvpx-vp9', '-c:a', 'libopus', '-b:a', '192k']))
    expect(args[args.indexOf('-vf') + 1]).toBe('scale=trunc(iw/2)*2:trunc(ih/2)*2')
  })

  it('makes an MP3 of the sound only, with a bitrate per quality', () => {
    expect(transcodeArgs('in.mp4', 'out.mp3', 'mp3', 'medium')).toEqual(
      expect.arrayContaining(['-vn', '-c:a', 'libmp3lame', '-b:a', '160k']),
    )
    expect(transcodeArgs('in.mp4', 'out.mp3', 'mp3', 'medium')).not.toContain('-vf')
  })
})
