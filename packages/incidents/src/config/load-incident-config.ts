import { type Issue, issuesFromZod, type Result } from '@ioc/domain'
import grouping from '../../incidents.default.json' with { type: 'json' }
import procedures from '../../procedures.default.json' with { type: 'json' }
import { GroupingConfig } from './grouping-config'
import { ProceduresConfig } from './procedures-config'

/** Validates a grouping configuration (parsed JSON); issues name the field path. */
export function loadGroupingConfig(json: unknown): Result<GroupingConfig, Issue[]> {
  const parsed = GroupingConfig.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: issuesFromZod(parsed.error) }
}

/** Validates a procedures configuration (parsed JSON); issues name the field path. */
export function loadProceduresConfig(json: unknown): Result<ProceduresConfig, Issue[]> {
  const parsed = ProceduresConfig.safeParse(json)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: issuesFromZod(parsed.error) }
}

/** The defaults shipped in `incidents.default.json`; a fresh copy each call. */
export function defaultGroupingConfig(): GroupingConfig {
  return GroupingConfig.parse(grouping)
}

/** The defaults shipped in `procedures.default.json`; a fresh copy each call. */
export function defaultProceduresConfig(): ProceduresConfig {
  return ProceduresConfig.parse(procedures)
}
