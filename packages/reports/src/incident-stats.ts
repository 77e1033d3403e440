import type { OperationalIncident, ReportSection } from '@ioc/domain'

/** The district an incident counts in: the one its grouping keeps to, else its first alert's. */
export function incidentDistrict(i: OperationalIncident): string | undefined {
  return i.grouping.district ?? i.members[0]?.district
}

/** How many incidents were opened and resolved, and how often each checklist step was ticked. */
export function incidentStats(incidents: readonly OperationalIncident[]): ReportSection['incidents'] {
  const steps = new Map<string, ReportSection['incidents']['steps'][number]>()
  for (const i of incidents)
    for (const p of i.checklist)
      for (const s of p.steps) {
        const key = `${p.procedureId}/${s.id}`
        const row = steps.get(key) ?? {
          procedureId: p.procedureId,
          stepId: s.id,
          text: s.text,
          shown: 0,
          ticked: 0,
        }
        row.shown++
        if (s.tick) row.ticked++
        steps.set(key, row)
      }
  return {
    opened: incidents.length,
    resolved: incidents.filter((i) => i.status === 'resolved').length,
    steps: [...steps.values()],
  }
}
