import type { OperationalIncident, OperationalIncidentDetail } from '@ioc/domain'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test, vi } from 'vitest'
import { createApiClient } from '../api/api-client'
import { testFetch } from '../api/test-fetch'
import { FakeSocket } from '../connection/fake-socket'
import { createI18n } from '../i18n/i18n'
import { providedNetworkIndex } from '../state/provided-network'
import { AlertConsole } from './alert-console'
import { at, eveningQueue } from './test-alerts'
import { eveningIncidents } from './test-incidents'

const index = providedNetworkIndex()

/** The server as the incident view uses it: the trail of an incident, the officers, and posts recorded. */
function fakeApi() {
  const get = vi.fn(async (path: string): Promise<unknown> => {
    if (path.startsWith('/api/v1/users')) return { users: [{ name: 'trucban1', role: 'duty-officer' }] }
    const incident = eveningIncidents().find((i) =>
      path.endsWith(encodeURIComponent(i.id)),
    ) as OperationalIncident
    const detail: OperationalIncidentDetail = {
      incident,
      events: [
        {
          incidentId: incident.id,
          seq: 1,
          action: 'opened',
          at: incident.openedAt,
          by: 'system',
          origin: 'grouping',
          note: '',
          details: {},
        },
      ],
    }
    return detail
  })
  const post = vi.fn(async (_path: string, _body: unknown): Promise<unknown> => ({}))
  const fetch = testFetch((method, path, body) => (method === 'POST' ? post(path, body) : get(path)))
  return { client: createApiClient(null, fetch), post }
}

function renderConsole(api: ReturnType<typeof fakeApi>) {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <AlertConsole
        index={index}
        alerts={eveningQueue()}
        incidents={eveningIncidents()}
        ready
        dataNow={at('17:35')}
        api={api.client}
        socket={new FakeSocket().asSocket()}
        user="trucban1"
        tone={{ play: vi.fn() }}
      />
    </I18nextProvider>,
  )
}

const rows = () => within(screen.getByRole('listbox', { name: 'Incident queue' })).getAllByRole('option')

describe('the console works on incidents first', () => {
  test('one row per incident, most severe first, each explaining its grouping', () => {
    renderConsole(fakeApi())
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Incidents')
    expect(screen.getByText('2 incidents · 4 alerts · 4 unacknowledged')).toBeInTheDocument()
    expect(rows().map((r) => r.querySelector('strong')?.textContent)).toEqual([
      '2 gauges past báo động during the 6 Nov afternoon tide: Nhà Bè, Phú An; highest Nhà Bè báo động III',
      '1 street flood in Quận 7 during the 6 Nov evening tide, driven by Phú An báo động III; congestion on 1 road through it',
    ])
    expect(rows()[1]).toHaveTextContent('2 alerts')
    expect(rows()[1]).toHaveTextContent('2 unacknowledged')
  })

  test('acknowledging an incident and ticking its checklist go to the incident', async () => {
    const user = userEvent.setup()
    const api = fakeApi()
    renderConsole(api)
    await user.click(rows()[0] as HTMLElement)
    const [gauges] = eveningIncidents()
      .slice()
      .sort((a, b) => a.openedAt - b.openedAt)
    const path = `/api/v1/operational-incidents/${gauges?.id}`
    await user.click(screen.getByRole('button', { name: 'Acknowledge' }))
    expect(api.post).toHaveBeenCalledWith(`${path}/ack`, { note: '' })
    await user.click(screen.getByRole('checkbox', { name: 'Send mobile pumps to the flood points' }))
    expect(api.post).toHaveBeenCalledWith(`${path}/tick`, {
      procedureId: 'gauge-bao-dong-3',
      stepId: 'send-pumps',
      done: true,
    })
    expect(await screen.findByText('Opened by the grouping')).toBeInTheDocument()
  })

  test('its alerts stay reachable one by one', async () => {
    const user = userEvent.setup()
    renderConsole(fakeApi())
    await user.click(rows()[1] as HTMLElement)
    const members = screen.getByRole('heading', { name: 'Alerts in this incident' })
      .parentElement as HTMLElement
    await user.click(within(members).getByRole('button', { name: /Huỳnh Tấn Phát flooded 34 cm/ }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Alerts')
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Huỳnh Tấn Phát')
  })
})
