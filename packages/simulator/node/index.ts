export { ensureRecording } from './ensure-recording'
export { type PushOptions, pushScenario } from './push-scenario'
export { readRecording } from './read-recording'
export { writeRecording } from './write-recording'
