import { runDeadLetterStoreContract } from '../dead-letter-store-contract'
import { tempSqliteStore } from './temp-sqlite-store'

runDeadLetterStoreContract('sqlite', () => tempSqliteStore('dead-letters'))
