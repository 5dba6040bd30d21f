// Child process of batch-readers.test.ts: reads a small WARC (plain, then
// gzipped) cut at every byte with the built reader, and prints what each cut
// gave as JSON. A reader that never ends is then a timeout of this process,
// not a hung test run.
import {Readable} from 'node:stream'
import {WARCRecord, WARCSerializer} from 'warcio'

const [reader] = process.argv.slice(2)
const {readWarc} = await import(reader)

async function serialized(url, contentType, body, gzip) {
  async function* payload() {
    yield new TextEncoder().encode(body)
  }
  const record = WARCRecord.create(
    {
      url,
      type: 'response',
      httpHeaders: {'Content-Type': contentType},
      statusline: 'HTTP/1.1 200 OK',
    },
    payload(),
  )
  return WARCSerializer.serialize(record, {gzip})
}

const result = {}
for (const gzip of [false, true]) {
  const parts = [
    await serialized('https://news.example/one', 'text/html', '<p>One</p>', gzip),
    await serialized('https://news.example/logo', 'image/png', 'PNG bytes', gzip),
    await serialized('https://news.example/two', 'text/html', '<p>Two</p>', gzip),
  ]
  const whole = Buffer.concat(parts)
  const boundaries = []
  let end = 0
  for (const part of parts) {
    end += part.length
    boundaries.push(end)
  }
  const cuts = []
  for (let cut = 0; cut <= whole.length; cut++) {
    const items = []
    for await (const item of readWarc(Readable.from([whole.subarray(0, cut)]))) {
      items.push(
        'error' in item
          ? {record: item.record, error: item.error}
          : {record: item.record, html: item.html},
      )
    }
    cuts.push({cut, items})
  }
  result[gzip ? 'gzip' : 'plain'] = {length: whole.length, boundaries, cuts}
}
process.stdout.write(JSON.stringify(result))
