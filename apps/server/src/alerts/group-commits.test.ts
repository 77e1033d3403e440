import { expect, test } from 'vitest'
import { groupCommits } from './group-commits'

/** A commit order like the alert service's, and a commit that records its groups. */
function harness(failOn?: string) {
  let queue: Promise<unknown> = Promise.resolve()
  const groups: string[][] = []
  const submit = groupCommits<string[], string>({
    schedule: (job) => {
      queue = queue.then(job)
    },
    commit: async (batches) => {
      groups.push(batches.map((b) => b.join('')))
      await new Promise((r) => setTimeout(r, 5))
      if (failOn && batches.some((b) => b.includes(failOn))) throw new Error(`bad batch ${failOn}`)
      return batches.map((b) => `stored ${b.join('')}`)
    },
    size: (b) => b.length,
    maxSize: 4,
  })
  return { submit, groups }
}

test('batches that arrive while a commit runs share the next one, and each caller hears of its own', async () => {
  const { submit, groups } = harness()
  const first = submit(['a'])
  await new Promise((r) => setTimeout(r, 1))
  const rest = [submit(['b']), submit(['c', 'd']), submit(['e'])]
  expect(await Promise.all([first, ...rest])).toEqual(['stored a', 'stored b', 'stored cd', 'stored e'])
  expect(groups).toEqual([['a'], ['b', 'cd', 'e']])
})

test('a group stops growing at its size limit; the rest goes in the next', async () => {
  const { submit, groups } = harness()
  const all = [submit(['a']), submit(['b', 'c']), submit(['d', 'e']), submit(['f'])]
  await Promise.all(all)
  expect(groups).toEqual([
    ['a', 'bc'],
    ['de', 'f'],
  ])
})

test('a group that fails goes again batch by batch, so only the bad batch fails', async () => {
  const { submit, groups } = harness('x')
  const first = submit(['a'])
  await new Promise((r) => setTimeout(r, 1))
  const results = await Promise.allSettled([first, submit(['b']), submit(['x']), submit(['c'])])
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
    'stored a',
    'stored b',
    'Error: bad batch x',
    'stored c',
  ])
  expect(groups).toEqual([['a'], ['b', 'x', 'c'], ['b'], ['x'], ['c']])
})
