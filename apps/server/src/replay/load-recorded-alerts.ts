import { type AlertHistory, RECORDED_LOOKBACK_MS, RecordedAlerts } from '@ioc/alerts'
import type { AlertStore } from '../store/alert-store'

/** The stored alerts of a replay's range with their audit trails, read once when the replay starts. */
export async function loadRecordedAlerts(
  store: AlertStore,
  fromMs: number,
  toMs: number,
): Promise<RecordedAlerts> {
  const alerts = await store.listAlerts({ state: 'all', from: fromMs - RECORDED_LOOKBACK_MS, to: toMs })
  const histories: AlertHistory[] = []
  for (const alert of alerts) histories.push({ alert, transitions: await store.listTransitions(alert.id) })
  return RecordedAlerts.of(histories, fromMs)
}
