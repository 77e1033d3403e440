import { runIncidentStoreContract } from '../incident-store-contract'
import { tempSqliteStore } from './temp-sqlite-store'

runIncidentStoreContract('sqlite', () => tempSqliteStore('incidents'))
