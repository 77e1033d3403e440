import type { DeadLetter } from '@ioc/domain'

export type NewDeadLetter = Omit<DeadLetter, 'id'>

/** Messages a feed sent that could not be stored, with the reason (MQTT ingest). */
export interface DeadLetterStore {
  addDeadLetter(letter: NewDeadLetter): Promise<DeadLetter>
  /** Newest first; `beforeId` pages further back. */
  listDeadLetters(query: { limit: number; beforeId?: number }): Promise<DeadLetter[]>
}
