import { EventEmitter } from 'node:events'
import type { IocSocket } from './live-feed'

/**
 * Socket.IO's client as the web's feeds and hooks use it, for tests: the server's events come in
 * through `serverSends`; a test that needs the client's emits adds its own `emit`.
 */
export class FakeSocket {
  connected = false
  readonly incoming = new EventEmitter()
  on(event: string, fn: (...a: unknown[]) => void) {
    this.incoming.on(event, fn)
    return this
  }
  off(event: string, fn: (...a: unknown[]) => void) {
    this.incoming.off(event, fn)
    return this
  }
  serverSends(event: string, payload?: unknown) {
    if (event === 'connect') this.connected = true
    if (event === 'disconnect') this.connected = false
    this.incoming.emit(event, payload)
  }
  /** This fake where the code under test wants the real client (only the parts above are used). */
  asSocket(): IocSocket {
    return this as unknown as IocSocket
  }
}
