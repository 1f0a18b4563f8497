import { createReadStream, statSync } from 'node:fs'
import http from 'node:http'

/**
 * The streaming yardstick: Node's own fs.createReadStream piped into a raw node:http response, with the
 * least Range handling that works (one `bytes=start-end` range). Serves FILE on PORT.
 */
const file = process.env.FILE ?? ''
const size = statSync(file).size
http
  .createServer((req, res) => {
    const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    if (!match) {
      res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' })
      return void createReadStream(file).pipe(res)
    }
    const start = Number(match[1])
    const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
    res.writeHead(206, { 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` })
    createReadStream(file, { start, end }).pipe(res)
  })
  .listen(Number(process.env.PORT))
