import type { IncidentMember, IncidentProcedure } from '@ioc/domain'
import type { ProceduresConfig } from '../config/procedures-config'

/**
 * The procedures an incident's alerts call for, in the order of the configuration, with the ticks of
 * `current` kept. A procedure once shown stays: a gauge that went from báo động I to III keeps the
 * steps of I and II, ticked or not.
 */
export function buildChecklist(
  members: readonly IncidentMember[],
  current: readonly IncidentProcedure[],
  config: ProceduresConfig,
): IncidentProcedure[] {
  const shown = new Map(current.map((p) => [p.procedureId, p]))
  return config.procedures.flatMap((p) => {
    const kept = shown.get(p.id)
    const applies = members.some((m) => m.kind === p.kind && p.severities.includes(m.peakSeverity))
    if (!kept && !applies) return []
    const ticks = new Map(kept?.steps.map((s) => [s.id, s.tick]))
    return [
      {
        procedureId: p.id,
        title: p.title,
        steps: p.steps.map((s) => ({ id: s.id, text: s.text, tick: ticks.get(s.id) ?? null })),
      },
    ]
  })
}
