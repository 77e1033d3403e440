import { Role } from '@ioc/domain'
import { expect, test } from 'vitest'
import { viewsFor } from './views'

test('every role that may watch the live picture gets the live map and the wall', () => {
  for (const role of Role.options) expect(viewsFor(role).map((v) => v.path)).toEqual(['/', '/wall'])
})
