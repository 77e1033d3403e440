import type { Alert, AlertDetail, History, Silence } from '@ioc/domain'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { ApiRequestError, createApiClient } from '../api/api-client'
import { testFetch } from '../api/test-fetch'
import { FakeSocket } from '../connection/fake-socket'
import { createI18n } from '../i18n/i18n'
import { providedNetworkIndex } from '../state/provided-network'
import { AlertConsole } from './alert-console'
import {
  at,
  eveningQueue,
  huynhTanPhatCongestion,
  huynhTanPhatFlood,
  nhaBeCritical,
  phuAnCritical,
} from './test-alerts'

const index = providedNetworkIndex()

/** The server as the console uses it: answers for reads, and POSTs under each test's control. */
function fakeApi(post: (path: string, body: unknown) => Promise<unknown>) {
  const get = vi.fn(async (path: string): Promise<unknown> => {
    if (path.startsWith('/api/v1/users'))
      return {
        users: [
          { name: 'trucban1', role: 'duty-officer' },
          { name: 'trucban2', role: 'duty-officer' },
        ],
      }
    if (path.startsWith('/api/v1/history/')) {
      const empty: History = { type: 'water', subjectId: 'x', from: 0, to: 1, bucketMs: null, points: [] }
      return empty
    }
    if (path.startsWith('/api/v1/silences')) return { silences: [] }
    if (path.startsWith('/api/v1/warnings')) return { warnings: [] }
    const detail: AlertDetail = {
      alert: phuAnCritical(),
      transitions: [
        {
          alertId: 'al-phu-an-2',
          seq: 1,
          action: 'raised',
          at: at('16:35'),
          by: 'system',
          origin: 'engine',
          note: '',
          details: {},
        },
      ],
    }
    return detail
  })
  const sent = vi.fn(post)
  const fetch = testFetch((method, path, body) => (method === 'POST' ? sent(path, body) : get(path)))
  return { client: createApiClient(null, fetch), get, post: sent }
}

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function renderConsole(
  alerts: Alert[],
  api: ReturnType<typeof fakeApi>,
  tone = { play: vi.fn() },
  socket = new FakeSocket(),
) {
  const i18n = createI18n('vi')
  const ui = (list: Alert[]) => (
    <I18nextProvider i18n={i18n}>
      <AlertConsole
        index={index}
        alerts={list}
        incidents={[]}
        initialView="alerts"
        ready
        dataNow={at('17:35')}
        api={api.client}
        socket={socket.asSocket()}
        user="trucban1"
        tone={tone}
      />
    </I18nextProvider>
  )
  const view = render(ui(alerts))
  return { ...view, tone, update: (list: Alert[]) => view.rerender(ui(list)) }
}

const rows = () => within(screen.getByRole('listbox')).getAllByRole('option')
const rowNames = () => rows().map((r) => r.querySelector('strong')?.textContent)

beforeEach(() => localStorage.clear())

describe('the alert queue', () => {
  test('oldest unacknowledged critical first, each row saying what, how bad, how long and who has it', () => {
    const api = fakeApi(async () => ({}))
    renderConsole([huynhTanPhatCongestion(), phuAnCritical(), huynhTanPhatFlood(), nhaBeCritical()], api)
    expect(rowNames()).toEqual(['Nhà Bè', 'Phú An', 'Huỳnh Tấn Phát', 'Huỳnh Tấn Phát'])
    const nhaBe = rows()[0] as HTMLElement
    expect(nhaBe).toHaveTextContent('Khẩn cấp')
    expect(nhaBe).toHaveTextContent('Mực nước')
    expect(nhaBe).toHaveTextContent('1,66 m / ngưỡng 1,60 m')
    expect(nhaBe).toHaveTextContent('1 giờ 30 phút')
    expect(nhaBe).toHaveTextContent('Đang diễn ra · chưa xác nhận')
    expect(nhaBe).toHaveTextContent('Chưa giao')
    expect(rows()[3]).toHaveTextContent('Ùn tắc')
    expect(rows()[3]).toHaveTextContent('11 km/h / ngưỡng 14 km/h')
    expect(rows()[3]).toHaveTextContent('15 phút')
  })

  test('filters by name without diacritics, by severity and by state', async () => {
    const user = userEvent.setup()
    renderConsole(
      eveningQueue(),
      fakeApi(async () => ({})),
    )
    await user.type(screen.getByRole('searchbox', { name: 'Tìm theo tên' }), 'huynh tan phat')
    expect(rows().map((r) => within(r).getByText(/Ngập đường|Ùn tắc/).textContent)).toEqual([
      'Ngập đường',
      'Ùn tắc',
    ])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mức độ' }), 'Nghiêm trọng')
    expect(rows()).toHaveLength(1)
    await user.clear(screen.getByRole('searchbox', { name: 'Tìm theo tên' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mức độ' }), 'Mọi mức độ')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trạng thái' }), 'Đã hết · chưa xác nhận')
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.getByText('Không có cảnh báo nào khớp bộ lọc.')).toBeVisible()
  })

  test('an alert:changed reorders the queue live', () => {
    const { update } = renderConsole(
      eveningQueue(),
      fakeApi(async () => ({})),
    )
    update([
      ...eveningQueue().slice(0, 3),
      huynhTanPhatCongestion({ severity: 'critical', value: 4, updatedAt: at('17:32') }),
    ])
    expect(rowNames()).toEqual(['Nhà Bè', 'Phú An', 'Huỳnh Tấn Phát', 'Huỳnh Tấn Phát'])
    expect(rows()[2]).toHaveTextContent('Ùn tắc')
    update(eveningQueue().slice(1))
    expect(rowNames()[0]).toBe('Phú An')
  })
})

describe('acting on alerts', () => {
  test('by keyboard alone: j moves down, a acknowledges at once, before the server answers', async () => {
    const user = userEvent.setup()
    const reply = deferred<Alert>()
    const api = fakeApi(() => reply.promise)
    renderConsole(eveningQueue(), api)
    const queue = screen.getByRole('listbox', { name: 'Hàng đợi cảnh báo' })
    // Tab past the toolbar (incidents/alerts, sound, silences, warnings) and the filters: the queue is one
    // tab stop.
    for (let i = 0; i < 10; i++) await user.tab()
    expect(queue).toHaveFocus()
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('j')
    expect(rows()[1]).toHaveAttribute('aria-selected', 'true')
    expect(queue).toHaveAttribute('aria-activedescendant', rows()[1]?.id)
    await user.keyboard('a')
    expect(api.post).toHaveBeenCalledWith('/api/v1/alerts/al-phu-an-2/ack', { note: '' })
    const phuAn = () => rows().find((r) => r.textContent?.includes('Phú An')) as HTMLElement
    expect(phuAn()).toHaveTextContent('Đang diễn ra · đã xác nhận')
    // Acknowledged criticals go below the unacknowledged one they were above.
    expect(rowNames().slice(0, 2)).toEqual(['Nhà Bè', 'Phú An'])
    await act(async () =>
      reply.resolve(
        phuAnCritical({ ack: { by: 'trucban1', at: at('17:35'), note: '' }, updatedAt: at('17:35') }),
      ),
    )
    expect(phuAn()).toHaveTextContent('Đang diễn ra · đã xác nhận')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  test("a 409 rolls the acknowledgement back and shows the server's message", async () => {
    const user = userEvent.setup()
    const reply = deferred<Alert>()
    renderConsole(
      eveningQueue(),
      fakeApi(() => reply.promise),
    )
    await user.click(screen.getByText('Phú An'))
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }))
    const phuAn = () => rows().find((r) => r.textContent?.includes('Phú An')) as HTMLElement
    expect(phuAn()).toHaveTextContent('đã xác nhận')
    const message = 'Cảnh báo al-phu-an-2 đã được xác nhận bởi trucban2 lúc 17:34'
    await act(async () => reply.reject(new ApiRequestError(409, { code: 'conflict', message })))
    expect(phuAn()).toHaveTextContent('Đang diễn ra · chưa xác nhận')
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Không xác nhận được cảnh báo Phú An.')
    expect(alert).toHaveTextContent(message)
  })

  test('Enter opens the detail; an active alert resolves only by force, with a reason', async () => {
    const user = userEvent.setup()
    const api = fakeApi(async (_path, body) => ({
      ...nhaBeCritical(),
      resolution: { by: 'trucban1', at: at('17:36'), note: (body as { note: string }).note, forced: true },
      updatedAt: at('17:36'),
    }))
    renderConsole(eveningQueue(), api)
    screen.getByRole('listbox').focus()
    await user.keyboard('{Enter}')
    const detail = screen.getByRole('article', { name: /Nhà Bè/ })
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveFocus()
    expect(detail).toHaveTextContent('Nhà Bè vượt báo động III: 1,66 m (ngưỡng 1,60 m)')
    expect(await within(detail).findByRole('list', { name: 'Nhật ký xử lý' })).toHaveTextContent('Phát sinh')
    const resolve = within(detail).getByRole('form', { name: 'Đóng cảnh báo' })
    await user.type(within(resolve).getByRole('textbox'), 'Cảm biến Nhà Bè đo sai, đã báo kỹ thuật')
    expect(within(resolve).getByRole('button')).toBeDisabled()
    await user.click(within(resolve).getByRole('checkbox', { name: 'Đóng cưỡng bức' }))
    await user.click(within(resolve).getByRole('button', { name: 'Đóng cưỡng bức' }))
    expect(api.post).toHaveBeenCalledWith('/api/v1/alerts/al-nha-be-2/resolve', {
      note: 'Cảm biến Nhà Bè đo sai, đã báo kỹ thuật',
      force: true,
    })
    expect(rowNames()).toEqual(['Phú An', 'Huỳnh Tấn Phát', 'Huỳnh Tấn Phát'])
    expect(screen.getByRole('listbox')).toHaveFocus()
  })
})

test('a forecast alert says what time it is for and how far ahead', async () => {
  const user = userEvent.setup()
  const forecast = phuAnCritical({
    id: 'al-fc-phu-an',
    kind: 'forecast-water-level',
    severity: 'major',
    forecastFor: at('19:00'),
    leadMin: 90,
  })
  renderConsole(
    [forecast],
    fakeApi(async () => ({})),
  )
  await user.click(rows()[0] as HTMLElement)
  expect(screen.getByRole('article', { name: /Phú An/ })).toHaveTextContent(
    'Dự báo cho06/11/2025 19:00:00 (trước 1 giờ 30 phút)',
  )
})

describe('the cue for a new critical alert', () => {
  test('rings once and flashes a banner; the alerts open on arrival stay quiet; mute silences the tone', async () => {
    const user = userEvent.setup()
    const { update, tone } = renderConsole(
      eveningQueue().slice(1),
      fakeApi(async () => ({})),
    )
    expect(tone.play).not.toHaveBeenCalled()
    update(eveningQueue())
    expect(tone.play).toHaveBeenCalledOnce()
    expect(screen.getByRole('alert')).toHaveTextContent('1 cảnh báo khẩn cấp mới')
    expect(screen.getByRole('alert')).toHaveTextContent('Nhà Bè')
    update(eveningQueue())
    expect(tone.play).toHaveBeenCalledOnce()
    await user.click(screen.getByRole('button', { name: 'Âm thanh: bật' }))
    update([
      ...eveningQueue(),
      phuAnCritical({ id: 'al-thu-dau-mot', subject: { type: 'station', id: 'thu-dau-mot' } }),
    ])
    expect(tone.play).toHaveBeenCalledOnce()
    expect(screen.getByRole('alert')).toHaveTextContent('2 cảnh báo khẩn cấp mới')
  })
})

test('a silence another officer sets shows in the silences at once, and goes when they lift it', async () => {
  const user = userEvent.setup()
  const socket = new FakeSocket()
  renderConsole(
    eveningQueue(),
    fakeApi(async () => ({})),
    undefined,
    socket,
  )
  await user.click(screen.getByRole('button', { name: 'Tạm ngưng cảnh báo' }))
  const panel = screen.getByRole('region', { name: 'Tạm ngưng cảnh báo' })
  await within(panel).findByText('Không có tạm ngưng nào đang có hiệu lực.')
  const silence: Silence = {
    id: 'sil-7',
    subject: { type: 'station', id: 'phu-an' },
    reason: 'Thay cảm biến mực nước',
    createdBy: 'trucban2',
    createdAt: Date.now(),
    until: Date.now() + 3_600_000,
    cancelledAt: null,
  }
  act(() => socket.serverSends('silence:changed', silence))
  expect(within(panel).getByRole('listitem')).toHaveTextContent('Thay cảm biến mực nước')
  expect(within(panel).getByRole('listitem')).toHaveTextContent('trucban2')
  act(() => socket.serverSends('silence:changed', { ...silence, cancelledAt: Date.now() }))
  expect(within(panel).queryByRole('listitem')).toBeNull()
})
