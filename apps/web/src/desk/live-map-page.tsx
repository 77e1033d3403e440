import { useEffect } from 'react'
import { useAuth } from '../auth/auth-provider'
import { connectionStatus } from '../connection/connection-status'
import { LiveProvider, useLive } from '../connection/live-provider'
import { useNow } from '../hooks/use-now'
import { Legend } from '../map/legend'
import { LiveMap } from '../map/live-map'
import { StatusBanner } from '../wall/status-banner'

function DeskMap() {
  const { view } = useLive()
  const now = useNow()
  return (
    <div className="desk-map">
      <LiveMap theme="light" scale={1} interactive />
      <StatusBanner status={connectionStatus(view, now)} lastDataAt={view.lastDataAt} now={now} />
      <Legend />
    </div>
  )
}

/** The session expired or was revoked: forget the user, and the desk layout sends them to sign in. */
function SignedOut() {
  const { logout } = useAuth()
  useEffect(() => {
    void logout()
  }, [logout])
  return null
}

/** The live map on a desk: light theme, pan and zoom, tooltips. */
export default function LiveMapPage() {
  return (
    <LiveProvider
      displayToken={null}
      loading={<StatusBanner status="connecting" lastDataAt={null} now={0} />}
      refused={<SignedOut />}
    >
      <DeskMap />
    </LiveProvider>
  )
}
