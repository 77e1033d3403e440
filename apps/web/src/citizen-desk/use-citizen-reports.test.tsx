import type { CitizenReportList } from '@ioc/domain'
import { act, renderHook, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { createApiClient } from '../api/api-client'
import { testFetch } from '../api/test-fetch'
import { FakeSocket } from '../connection/fake-socket'

import { useCitizenReports } from './use-citizen-reports'

test('a report another operator verifies, or a citizen sends, reaches the list at once; a reconnect asks again', async () => {
  const asked: string[] = []
  let list: CitizenReportList = { reports: [], duplicates: {} }
  const api = createApiClient(
    null,
    testFetch(async (_method, path) => {
      asked.push(path)
      return list
    }),
  )
  const socket = new FakeSocket()
  const { result } = renderHook(() => useCitizenReports({ api, socket: socket.asSocket() }, 'open'))
  await waitFor(() => expect(result.current.data?.reports).toEqual([]))

  const sent = { code: '7K3M-9QAB', status: 'new', updatedAt: Date.now() } as const
  list = { reports: [{ code: sent.code } as CitizenReportList['reports'][number]], duplicates: {} }
  act(() => socket.serverSends('citizen-report:changed', sent))
  await waitFor(() => expect(result.current.data?.reports.map((r) => r.code)).toEqual(['7K3M-9QAB']))

  // Its first connect asks nothing more; coming back after an outage asks again.
  act(() => socket.serverSends('connect'))
  act(() => socket.serverSends('disconnect'))
  act(() => socket.serverSends('connect'))
  await waitFor(() => expect(asked).toHaveLength(3))
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(asked).toHaveLength(3)
  expect(asked.every((p) => p === '/api/v1/citizen-reports?status=open')).toBe(true)
})
