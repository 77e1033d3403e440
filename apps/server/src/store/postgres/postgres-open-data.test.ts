import { runOpenDataStoreContract } from '../open-data-store-contract'
import { openPostgresStore } from './postgres-store'
import { createTempSchema } from './temp-schema'

runOpenDataStoreContract('postgres', async () => {
  const own = await createTempSchema('open_data')
  const store = await openPostgresStore(own.url)
  return {
    store,
    async close() {
      await store.close()
      await own.drop()
    },
  }
})
