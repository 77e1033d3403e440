import { can } from '@ioc/domain'
import { useMemo } from 'react'
import { Navigate } from 'react-router'
import { useAuth } from '../auth/auth-provider'
import { SignedOut } from '../auth/signed-out'
import { connectionStatus, lastUpdateAt } from '../connection/connection-status'
import { DeskLive, useDeskConnection } from '../connection/desk-connection'
import { useLive } from '../connection/live-provider'
import { useNow } from '../hooks/use-now'
import { StatusBanner } from '../wall/status-banner'
import { createAlarmTone } from './alarm-tone'
import { AlertConsole } from './alert-console'

function LiveConsole({ user, canReplay }: { user: string; canReplay: boolean }) {
  const { index, view } = useLive()
  const now = useNow()
  const { api, socket } = useDeskConnection()
  const tone = useMemo(createAlarmTone, [])
  // The data clock moved on by the wall time since the last message: live it is the server's now, in a
  // sped-up feed it is the feed's time, and ages keep counting while the city is quiet.
  const dataNow = view.lastDataAt === null ? now : view.clock + (now - view.lastDataAt)
  return (
    <AlertConsole
      index={index}
      alerts={view.alerts}
      incidents={view.incidents}
      canReplay={canReplay}
      ready={view.lastDataAt !== null}
      dataNow={dataNow}
      api={api}
      socket={socket}
      user={user}
      tone={tone}
      status={
        <StatusBanner status={connectionStatus(view, now)} lastDataAt={lastUpdateAt(view, now)} now={now} />
      }
    />
  )
}

/** `/alerts`: the duty officer console, for roles that may act on alerts. */
export default function ConsolePage() {
  const { user } = useAuth()
  if (!user) return null
  if (!can({ kind: 'user', ...user }, 'alerts:act')) return <Navigate to="/" replace />
  return (
    <DeskLive
      loading={<StatusBanner status="connecting" lastDataAt={null} now={0} />}
      refused={<SignedOut />}
    >
      <LiveConsole user={user.name} canReplay={can({ kind: 'user', ...user }, 'replay:use')} />
    </DeskLive>
  )
}
