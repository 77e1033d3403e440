import { type Alert, AlertActRequest, type ApiError, can, issuesFromZod, type Result } from '@ioc/domain'
import { describePrincipal } from '../auth/authenticate'
import { CITIZEN_ROOM, type IocServer, LIVE_ROOM, type LiveHub } from './live-hub'

/**
 * What a connected socket receives and may do. A socket recovered by Socket.IO (back within
 * `maxDisconnectionDuration`) is already in its rooms and gets the packets it missed; any other
 * gets a fresh snapshot.
 */
export function handleSockets(
  io: IocServer,
  hub: LiveHub,
  actOnAlert: (request: AlertActRequest, by: string, origin: string) => Promise<Result<Alert, ApiError>>,
): void {
  io.on('connection', (socket) => {
    if (!socket.recovered) {
      socket.join(LIVE_ROOM)
      if (can(socket.data.principal, 'citizen:view')) socket.join(CITIZEN_ROOM)
      socket.emit('state:snapshot', hub.snapshot())
    }

    socket.on('state:resync', (ack) => {
      if (typeof ack === 'function') ack({ ok: true, value: hub.snapshot() })
    })

    socket.on('alert:act', (request, ack) => {
      if (typeof ack !== 'function') return
      const fail = (error: ApiError) => ack({ ok: false, error })
      const principal = socket.data.principal
      if (!can(principal, 'alerts:act')) {
        return fail({
          code: 'forbidden',
          message: `${describePrincipal(principal)} lacks the alerts:act permission`,
        })
      }
      const parsed = AlertActRequest.safeParse(request)
      if (!parsed.success) {
        return fail({
          code: 'invalid_request',
          message: 'invalid alert action',
          issues: issuesFromZod(parsed.error),
        })
      }
      // The origin names the socket too, so the audit trail tells two tabs of one officer apart.
      actOnAlert(parsed.data, principal.name, `${socket.handshake.address} socket ${socket.id}`).then(
        ack,
        () => fail({ code: 'internal', message: 'internal error' }),
      )
    })
  })
}
