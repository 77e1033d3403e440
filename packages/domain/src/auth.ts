import { z } from 'zod'

export const Role = z.enum(['operator', 'duty-officer', 'analyst', 'admin'])
export type Role = z.infer<typeof Role>

export const Permission = z.enum([
  'live:view',
  'alerts:act',
  'replay:use',
  'history:read',
  'export:read',
  'users:manage',
  'audit:read',
  'observations:ingest',
  /** See citizen reports with their text, photo and exact place. */
  'citizen:view',
  /** Verify (a flood then feeds the rules), merge and reject citizen reports. */
  'citizen:triage',
  /** Answer citizens (the answer is public) and close reports as resolved. */
  'citizen:answer',
])
export type Permission = z.infer<typeof Permission>

/** Who is calling: a signed-in user, a wall display's read-only token, or a feed's ingest key. */
export const Principal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), name: z.string(), role: Role }),
  z.object({ kind: z.literal('display'), name: z.string() }),
  z.object({ kind: z.literal('ingest-key'), name: z.string() }),
])
export type Principal = z.infer<typeof Principal>

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Operators triage what citizens send; what the city says back is for the duty officer.
  operator: ['live:view', 'citizen:view', 'citizen:triage'],
  'duty-officer': [
    'live:view',
    'alerts:act',
    'history:read',
    'citizen:view',
    'citizen:triage',
    'citizen:answer',
  ],
  analyst: ['live:view', 'replay:use', 'history:read', 'export:read'],
  admin: Permission.options,
}

export function permissionsOf(p: Principal): readonly Permission[] {
  switch (p.kind) {
    case 'user':
      return ROLE_PERMISSIONS[p.role]
    case 'display':
      return ['live:view']
    case 'ingest-key':
      return ['observations:ingest']
  }
}

export function can(p: Principal, permission: Permission): boolean {
  return permissionsOf(p).includes(permission)
}
