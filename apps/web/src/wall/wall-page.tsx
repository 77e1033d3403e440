import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { LiveProvider } from '../connection/live-provider'
import { useNow } from '../hooks/use-now'
import { StatusBanner } from './status-banner'
import { WallScreen } from './wall-screen'
import './wall.css'

function WallWaiting({ refused }: { refused: boolean }) {
  const { t } = useTranslation()
  const now = useNow()
  return (
    <div className="wall wall-waiting">
      <h1>{t('app.title')}</h1>
      {refused ? (
        <div className="status-banner status-reconnecting" role="alert">
          <strong>{t('status.refused')}</strong>
        </div>
      ) : (
        <StatusBanner status="connecting" lastDataAt={null} now={now} />
      )}
    </div>
  )
}

/** `/wall?token=…`: full screen, no chrome, no login; the token is the display's read-only credential. */
export default function WallPage() {
  const [params] = useSearchParams()
  return (
    <LiveProvider
      displayToken={params.get('token')}
      loading={<WallWaiting refused={false} />}
      refused={<WallWaiting refused />}
    >
      <WallScreen />
    </LiveProvider>
  )
}
