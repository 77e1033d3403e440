export { evaluate, type FollowOne } from './evaluate-expression'
export {
  buildStaGraph,
  type Reading,
  type SeriesField,
  type SeriesRef,
  type StaGraph,
} from './network-entities'
export {
  type ObservationBounds,
  type ObservationOrder,
  type ResultBound,
  splitObservationFilter,
} from './observation-bounds'
export { type Expr, parseFilter } from './odata-expression'
export {
  DEFAULT_LIMITS,
  type Limits,
  type ObservationSource,
  type ReadingsQuery,
} from './query-collection'
export { parseQueryOptions, type QueryOptions } from './query-options'
export {
  keyLiteral,
  type StaAnswer,
  type StaRequest,
  type StaService,
  selfLink,
  serveRequest,
} from './serve-request'
export { CONFORMANCE, ENTITY_SETS, type Entity, type EntitySet, NAVIGATION } from './sta-model'
