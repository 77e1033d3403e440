import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { PARTITION_COUNT } from '../partition/partition-of'
import { assignPartitions, partitionsOf } from './assign-partitions'

const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 24 }), { minLength: 1, maxLength: 9 })
const loadsOf = (owners: string[], members: string[]) =>
  members.map((m) => owners.filter((o) => o === m).length)
const moved = (before: string[], after: string[]) => after.flatMap((o, p) => (o === before[p] ? [] : [p]))

/** Member sets named like deployments name instances: `<host>-<pid>`, different per trial. */
const trialMembers = (t: number, n: number) =>
  Array.from({ length: n }, (_, i) => `ioc-${(t * 7919 + i * 104729).toString(36)}-${1000 + i}`)
const TRIALS = 300

describe('assignPartitions', () => {
  test('every partition has exactly one owner, a member, and loads differ by at most one', () => {
    fc.assert(
      fc.property(names, (members) => {
        const owners = assignPartitions(members)
        expect(owners).toHaveLength(PARTITION_COUNT)
        for (const o of owners) expect(members).toContain(o)
        const loads = loadsOf(owners, members)
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
      }),
    )
  })

  test('instances that list the members in another order or twice agree on every owner', () => {
    fc.assert(
      fc.property(names, fc.integer(), (members, shift) => {
        const k = Math.abs(shift) % members.length
        const other = [...members.slice(k), ...members.slice(0, k), ...members].reverse()
        expect(assignPartitions(other)).toEqual(assignPartitions(members))
      }),
    )
  })

  test('ioc-1 and ioc-2 hold 32 each (plain rendezvous hashing splits them 41/23)', () => {
    expect(loadsOf(assignPartitions(['ioc-1', 'ioc-2']), ['ioc-1', 'ioc-2'])).toEqual([32, 32])
  })

  // Instances of two versions in one cluster must compute the same owners, or they fight over leases.
  test('the assignment of three named instances is the same in every version', () => {
    const members = ['ioc-1', 'ioc-2', 'ioc-3']
    expect(members.map((m) => partitionsOf(m, members).join(' '))).toEqual([
      '3 6 10 16 20 22 25 26 33 34 36 41 44 45 47 50 51 55 56 57 63',
      '1 4 5 8 9 11 15 17 23 24 31 35 38 39 40 42 46 48 49 53 60 61',
      '0 2 7 12 13 14 18 19 21 27 28 29 30 32 37 43 52 54 58 59 62',
    ])
  })

  test('a third member joining moves about a third of the partitions, nearly all of them to itself', () => {
    let movedTotal = 0
    let betweenOthers = 0
    for (let t = 0; t < TRIALS; t++) {
      const [a, b, c] = trialMembers(t, 3) as [string, string, string]
      const before = assignPartitions([a, b])
      const after = assignPartitions([a, b, c])
      const m = moved(before, after)
      const toJoiner = m.filter((p) => after[p] === c).length
      expect(toJoiner).toBeGreaterThanOrEqual(21)
      expect(toJoiner).toBeLessThanOrEqual(22)
      movedTotal += m.length
      betweenOthers += m.length - toJoiner
    }
    expect(movedTotal / TRIALS / PARTITION_COUNT).toBeGreaterThan(0.32)
    expect(movedTotal / TRIALS / PARTITION_COUNT).toBeLessThan(0.4)
    expect(betweenOthers / TRIALS).toBeLessThan(2)
  })

  test("a member leaving hands its own partitions on, and the others' nearly all stay", () => {
    let othersMoved = 0
    for (let t = 0; t < TRIALS; t++) {
      const members = trialMembers(t, 3)
      const leaver = members[1] as string
      const before = assignPartitions(members)
      const after = assignPartitions(members.filter((m) => m !== leaver))
      const m = moved(before, after)
      for (const p of before.flatMap((o, p) => (o === leaver ? [p] : []))) expect(m).toContain(p)
      othersMoved += m.filter((p) => before[p] !== leaver).length
    }
    expect(othersMoved / TRIALS).toBeLessThan(2)
  })

  test('without members nobody owns anything', () => {
    expect(assignPartitions([])).toEqual([])
    expect(partitionsOf('ioc-1', [])).toEqual([])
  })
})
