import type { PublicWarning } from '@ioc/domain'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test, vi } from 'vitest'
import { ApiRequestError, createApiClient } from '../api/api-client'
import { testFetch } from '../api/test-fetch'
import { createI18n } from '../i18n/i18n'
import { WarningsPanel } from './warnings-panel'

const T = Date.parse('2025-11-06T16:35:00+07:00')
const info = (language: string, headline: string, instruction: string) => ({
  language,
  category: ['Met' as const],
  event: 'Mực nước cao',
  responseType: ['Avoid' as const],
  urgency: 'Immediate' as const,
  severity: 'Severe' as const,
  certainty: 'Observed' as const,
  senderName: 'IOC',
  headline,
  description: `${headline}: 1,62 m`,
  instruction,
  area: [{ areaDesc: 'Phú An (Sông Sài Gòn), Thành phố Thủ Đức', polygons: [], circles: [] }],
})
const draft: PublicWarning = {
  id: 'w-phu-an',
  alertId: 'al-phu-an',
  kind: 'water-level',
  phase: 'warning',
  alertSeverity: 'critical',
  state: 'pending',
  createdAt: T,
  publishedAt: null,
  decision: null,
  message: {
    identifier: 'w-phu-an',
    sender: 'ioc.tphcm.gov.vn',
    sent: null,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    references: [],
    incidents: 'al-phu-an',
    info: [
      info('vi-VN', 'Phú An vượt báo động III', 'Tránh các tuyến đường trũng ven sông'),
      info('en-US', 'Phú An above alarm level III', 'Keep off low-lying riverside streets'),
    ],
  },
}
const street: PublicWarning = {
  ...draft,
  id: 'w-street',
  kind: 'street-flood',
  state: 'published',
  publishedAt: T + 60_000,
  message: {
    ...draft.message,
    identifier: 'w-street',
    sent: '2025-11-06T16:36:00+07:00',
    info: [
      info('vi-VN', 'Ngập Bùi Viện, Quận 1', 'Chọn đường khác'),
      info('en-US', 'Flooding at Bùi Viện', 'Take another road'),
    ],
  },
}

function renderPanel(lang: 'vi' | 'en', post: (path: string, body: unknown) => Promise<unknown>) {
  const sent = vi.fn(post)
  const fetch = testFetch(async (method, path, body) => {
    if (method === 'POST') return sent(path, body)
    if (path.startsWith('/api/v1/warnings/settings'))
      return {
        publishing: { 'water-level': 'approve', 'street-flood': 'auto', 'forecast-water-level': 'approve' },
      }
    if (path.includes('state=pending')) return { warnings: [draft] }
    return { warnings: [street] }
  })
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <WarningsPanel api={createApiClient(null, fetch)} refreshKey={0} />
    </I18nextProvider>,
  )
  return sent
}

describe('the public warnings panel', () => {
  test('a duty officer approves the draft Phú An warning as the public will read it', async () => {
    const post = renderPanel('vi', async () => ({ ...draft, state: 'published' }))
    const queue = await screen.findByRole('list', { name: 'Cảnh báo chờ duyệt' })
    expect(within(queue).getByText('Phú An vượt báo động III')).toBeTruthy()
    expect(within(queue).getByText('Cảnh báo mới')).toBeTruthy()
    expect(within(queue).getByText('Tránh các tuyến đường trũng ven sông')).toBeTruthy()
    expect(screen.getByText(/Công bố ngay, không cần duyệt: Ngập đường/)).toBeTruthy()
    await userEvent.click(within(queue).getByRole('button', { name: 'Duyệt và công bố' }))
    expect(post).toHaveBeenCalledWith('/api/v1/warnings/w-phu-an/approve', { note: '' })
  })

  test('a rejection needs a reason; the server’s refusal is shown', async () => {
    const post = renderPanel('vi', async () => {
      throw new ApiRequestError(409, { code: 'conflict', message: 'the warning is already published by lan' })
    })
    const queue = await screen.findByRole('list', { name: 'Cảnh báo chờ duyệt' })
    const reject = within(queue).getByRole('button', { name: 'Từ chối' }) as HTMLButtonElement
    expect(reject.disabled).toBe(true)
    await userEvent.type(within(queue).getByLabelText('Lý do từ chối'), 'Cảm biến đang bảo trì')
    await userEvent.click(reject)
    expect(post).toHaveBeenCalledWith('/api/v1/warnings/w-phu-an/reject', { note: 'Cảm biến đang bảo trì' })
    expect((await screen.findByRole('alert')).textContent).toBe('the warning is already published by lan')
  })

  test('in English, a published warning links its CAP message and can be withdrawn with a reason', async () => {
    const post = renderPanel('en', async () => ({ ...street, id: 'w-cancel' }))
    const list = await screen.findByRole('list', { name: 'Published warnings' })
    expect(within(list).getByText('Flooding at Bùi Viện')).toBeTruthy()
    expect(within(list).getByRole('link', { name: 'CAP message' }).getAttribute('href')).toBe(
      '/cap/w-street.xml',
    )
    await userEvent.type(within(list).getByLabelText('Reason for withdrawing'), 'sent in error')
    await userEvent.click(within(list).getByRole('button', { name: 'Withdraw' }))
    expect(post).toHaveBeenCalledWith('/api/v1/warnings/w-street/withdraw', { note: 'sent in error' })
  })
})
