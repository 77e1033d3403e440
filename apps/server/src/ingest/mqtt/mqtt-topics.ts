/** The topics sensors publish to; the last level is the subject's id in the network. */
export const MQTT_TOPICS = { water: 'hcmc/water/+', traffic: 'hcmc/traffic/+' } as const

export type TopicSubject = { type: 'water'; stationId: string } | { type: 'traffic'; segmentId: string }

/** `hcmc/water/phu-an` → the station phu-an; null for any other topic. */
export function subjectOfTopic(topic: string): TopicSubject | null {
  const m = /^hcmc\/(water|traffic)\/([^/]+)$/.exec(topic)
  if (!m) return null
  const [, kind, id] = m as unknown as [string, 'water' | 'traffic', string]
  return kind === 'water' ? { type: 'water', stationId: id } : { type: 'traffic', segmentId: id }
}

/**
 * The filters to subscribe to. With a share group (several instances) the broker hands each message to
 * one member of the group (`$share/<group>/…`, MQTT 5 and Mosquitto's 3.1.1 extension).
 */
export function subscriptionFilters(shareGroup: string | undefined): string[] {
  const filters = Object.values(MQTT_TOPICS)
  return shareGroup ? filters.map((f) => `$share/${shareGroup}/${f}`) : filters
}
