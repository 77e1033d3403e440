import { runWarningStoreContract } from '../warning-store-contract'
import { tempSqliteStore } from './temp-sqlite-store'

runWarningStoreContract('sqlite', () => tempSqliteStore('warnings'))
