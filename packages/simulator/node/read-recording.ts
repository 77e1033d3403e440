import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { Observation } from '@ioc/domain'

/** Streams a recording back, validating each line against the domain schema (errors name the line). */
export async function* readRecording(path: string): AsyncGenerator<Observation> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })
  let n = 0
  for await (const line of lines) {
    n++
    if (line === '') continue
    const parsed = Observation.safeParse(JSON.parse(line))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`${path}:${n}: ${issue?.path.join('.')}: ${issue?.message}`)
    }
    yield parsed.data
  }
}
