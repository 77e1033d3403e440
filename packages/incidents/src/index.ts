export { type IncidentActionError, recordIncidentAction } from './actions/record-incident-action'
export * from './config/grouping-config'
export {
  defaultGroupingConfig,
  defaultProceduresConfig,
  loadGroupingConfig,
  loadProceduresConfig,
} from './config/load-incident-config'
export * from './config/procedures-config'
export { applyAlert, type GroupingStep, incidentIdOf, type NewIncidentEvent } from './grouping/apply-alert'
export { type GroupingContext, refreshIncident } from './grouping/refresh-incident'
export { distanceM, indexPlaces, type Place, type Places } from './places/index-places'
