import { can, type Permission, type Role } from '@ioc/domain'

export interface View {
  path: string
  labelKey: string
  permission: Permission
}

/** Views in the desk navigation, each behind the permission its role needs (domain `permissionsOf`). */
export const VIEWS: readonly View[] = [
  { path: '/', labelKey: 'nav.map', permission: 'live:view' },
  { path: '/alerts', labelKey: 'nav.alerts', permission: 'alerts:act' },
  { path: '/handover', labelKey: 'opsIncidents.handover.link', permission: 'alerts:act' },
  { path: '/citizen', labelKey: 'nav.citizen', permission: 'citizen:view' },
  { path: '/reports', labelKey: 'nav.reports', permission: 'export:read' },
  { path: '/replay', labelKey: 'nav.replay', permission: 'replay:use' },
  { path: '/wall', labelKey: 'nav.wall', permission: 'live:view' },
]

export function viewsFor(role: Role): View[] {
  return VIEWS.filter((v) => can({ kind: 'user', name: '', role }, v.permission))
}
