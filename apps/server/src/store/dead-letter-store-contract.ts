import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { DeadLetterStore } from './dead-letter-store'

/** The behaviour every DeadLetterStore shows (run it from each implementation's tests). */
export function runDeadLetterStoreContract(
  name: string,
  factory: () => Promise<{ store: DeadLetterStore; close(): Promise<void> }>,
): void {
  describe(`${name}: dead-letter store contract`, () => {
    let store: DeadLetterStore
    let close: () => Promise<void>
    beforeEach(async () => {
      ;({ store, close } = await factory())
    })
    afterEach(() => close())

    test('a dead letter keeps its topic, payload and reason, and lists newest first in pages', async () => {
      const letters = []
      for (let i = 0; i < 5; i++) {
        letters.push(
          await store.addDeadLetter({
            topic: `hcmc/water/st-${i}`,
            payload: `{"value":"1,${i}"}`,
            payloadBytes: 13,
            reason: 'value: expected number, received string',
            receivedAt: 1_700_000_000_000 + i,
          }),
        )
      }
      expect(letters[0]).toEqual({
        id: letters[0]?.id,
        topic: 'hcmc/water/st-0',
        payload: '{"value":"1,0"}',
        payloadBytes: 13,
        reason: 'value: expected number, received string',
        receivedAt: 1_700_000_000_000,
      })
      const first = await store.listDeadLetters({ limit: 3 })
      expect(first.map((l) => l.topic)).toEqual(['hcmc/water/st-4', 'hcmc/water/st-3', 'hcmc/water/st-2'])
      const rest = await store.listDeadLetters({ limit: 3, beforeId: first.at(-1)?.id })
      expect(rest).toEqual([letters[1], letters[0]])
    })

    test('a payload that is not text survives as replacement characters', async () => {
      const l = await store.addDeadLetter({
        topic: 't',
        payload: 'caf\uFFFD',
        payloadBytes: 4,
        reason: 'malformed JSON',
        receivedAt: 1,
      })
      expect((await store.listDeadLetters({ limit: 1 }))[0]).toEqual(l)
    })
  })
}
