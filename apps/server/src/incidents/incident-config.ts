import { fileURLToPath } from 'node:url'
import {
  type GroupingConfig,
  loadGroupingConfig,
  loadProceduresConfig,
  type ProceduresConfig,
} from '@ioc/incidents'
import { z } from 'zod'
import { readConfigFile } from '../config/read-config-file'

const shipped = (file: string) =>
  fileURLToPath(new URL(`../../../../packages/incidents/${file}`, import.meta.url))

/** The incident variables of the environment, merged into the server's one Env schema (config.ts). */
export const INCIDENT_ENV = {
  /** Path of the grouping rules (JSON, see packages/incidents/README.md). */
  INCIDENTS_CONFIG: z.string().min(1).default(shipped('incidents.default.json')),
  /** Path of the standard operating procedures, the checklists per alert kind and severity (JSON). */
  PROCEDURES_CONFIG: z.string().min(1).default(shipped('procedures.default.json')),
}
type IncidentEnv = { [K in keyof typeof INCIDENT_ENV]: z.output<(typeof INCIDENT_ENV)[K]> }

export interface IncidentConfig {
  groupingConfigPath: string
  proceduresConfigPath: string
}

export function incidentConfigFrom(e: IncidentEnv): IncidentConfig {
  return { groupingConfigPath: e.INCIDENTS_CONFIG, proceduresConfigPath: e.PROCEDURES_CONFIG }
}

/** Both files, checked at start: a bad one stops the server with every problem named. */
export function readIncidentConfigFiles(c: IncidentConfig): {
  grouping: GroupingConfig
  procedures: ProceduresConfig
} {
  return {
    grouping: readConfigFile(
      'INCIDENTS_CONFIG',
      c.groupingConfigPath,
      'grouping configuration',
      loadGroupingConfig,
    ),
    procedures: readConfigFile(
      'PROCEDURES_CONFIG',
      c.proceduresConfigPath,
      'procedures configuration',
      loadProceduresConfig,
    ),
  }
}
