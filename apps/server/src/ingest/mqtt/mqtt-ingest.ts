import mqtt, { type IPublishPacket } from 'mqtt'
import type { ServerContext } from '../../api/context'
import { commitObservations } from '../commit-observations'
import { notBeforeMs } from '../ingest-horizon'
import { subscriptionFilters } from './mqtt-topics'
import { readMqttMessage } from './read-mqtt-message'

/** A dead letter keeps at most this much of a payload; the rest of a huge message is not worth a row. */
const MAX_KEPT_BYTES = 64 * 1024

export interface MqttIngest {
  /** Disconnects (the broker keeps the session) once the message being committed is acknowledged. */
  close(): Promise<void>
}

/**
 * Sensor readings from an MQTT broker, with HTTP ingest's validation and commit path. QoS 1 on a
 * persistent session (`clean: false`, fixed client id): the broker keeps what arrives while the server
 * is down and delivers it on reconnect. mqtt.js sends a QoS 1 PUBACK only when `handleMessage` calls
 * back (handlers/publish.js), so each message is acknowledged after its commit, or after its dead
 * letter is stored; nothing is dropped in silence. A failed commit is not acknowledged and the
 * connection is dropped, so the broker sends the message again.
 */
export function startMqttIngest(
  ctx: Pick<ServerContext, 'alerts' | 'hub' | 'metrics' | 'store' | 'index' | 'logger' | 'config'>,
  options: { url: string; clientId: string; shareGroup: string | undefined },
): MqttIngest {
  const logger = ctx.logger.child({ mqtt: options.url })
  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
  })
  let inFlight: Promise<void> = Promise.resolve()

  async function handle(packet: IPublishPacket): Promise<void> {
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload
    const now = Date.now()
    const read = readMqttMessage(packet.topic, payload, ctx.index, {
      nowMs: now,
      notBeforeMs: notBeforeMs(ctx.config.horizon, now),
    })
    if (read.ok) {
      await commitObservations(ctx, read.value)
      return
    }
    logger.warn({ topic: packet.topic, reason: read.error }, 'mqtt message dead-lettered')
    await ctx.store.addDeadLetter({
      topic: packet.topic,
      payload: payload.subarray(0, MAX_KEPT_BYTES).toString('utf8'),
      payloadBytes: payload.length,
      reason: read.error,
      receivedAt: Date.now(),
    })
  }

  // mqtt.js hands messages over one at a time and waits for the callback before the next.
  client.handleMessage = (packet, callback) => {
    inFlight = handle(packet).then(
      () => callback(),
      (err: unknown) => {
        logger.error({ err, topic: packet.topic }, 'mqtt message not stored; reconnecting for redelivery')
        callback(err as Error)
        client.stream.destroy()
      },
    )
  }

  client.on('connect', (connack) => {
    logger.info({ clientId: options.clientId, sessionPresent: connack.sessionPresent }, 'mqtt connected')
    // A resumed session keeps its subscriptions; subscribing again is harmless and covers a new one.
    client.subscribe(subscriptionFilters(options.shareGroup), { qos: 1 }, (err) => {
      if (err) logger.error({ err }, 'mqtt subscribe failed')
    })
  })
  client.on('error', (err) => logger.warn({ err: err.message }, 'mqtt error'))

  return {
    async close() {
      await inFlight
      await client.endAsync()
    },
  }
}
