import type { CitizenCategory } from '@ioc/domain'

/** GeoReport v2 service list entry (http://wiki.open311.org/GeoReport_v2#GET_Service_List). */
export interface Open311Service {
  service_code: CitizenCategory
  service_name: string
  description: string
  metadata: boolean
  type: 'realtime'
  keywords: string
  group: string
}

/** Vietnamese first: the city's language; the English follows in the description. */
export const OPEN311_SERVICES: readonly Open311Service[] = [
  {
    service_code: 'flood',
    service_name: 'Đường ngập',
    description:
      'Đường ngập nước: độ sâu tới mắt cá, đầu gối, thắt lưng hoặc số cm / A flooded street and its depth',
    metadata: true,
    type: 'realtime',
    keywords: 'ngập,flood,triều cường',
    group: 'Ngập nước / Flooding',
  },
  {
    service_code: 'jam',
    service_name: 'Kẹt xe',
    description: 'Kẹt xe, ùn tắc giao thông / A traffic jam',
    metadata: false,
    type: 'realtime',
    keywords: 'kẹt xe,ùn tắc,jam,congestion',
    group: 'Giao thông / Traffic',
  },
  {
    service_code: 'traffic-light',
    service_name: 'Đèn giao thông hỏng',
    description: 'Đèn tín hiệu giao thông hỏng hoặc tắt / A broken traffic light',
    metadata: false,
    type: 'realtime',
    keywords: 'đèn,tín hiệu,traffic light',
    group: 'Giao thông / Traffic',
  },
  {
    service_code: 'fallen-tree',
    service_name: 'Cây ngã',
    description: 'Cây ngã, cành gãy chắn đường / A fallen tree blocking the road',
    metadata: false,
    type: 'realtime',
    keywords: 'cây ngã,cây đổ,fallen tree',
    group: 'Giao thông / Traffic',
  },
]

/** GeoReport v2 service definition of `flood`: its two attributes (the others have none). */
export const FLOOD_SERVICE_DEFINITION = {
  service_code: 'flood',
  attributes: [
    {
      variable: true,
      code: 'depth',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'Độ sâu so với người đứng / Depth against a standing person (or give depth_cm)',
      order: 1,
      description: 'Độ sâu / Depth',
      values: [
        { key: 'ankle', name: 'Mắt cá chân / Ankle (~10 cm)' },
        { key: 'knee', name: 'Đầu gối / Knee (~50 cm)' },
        { key: 'waist', name: 'Thắt lưng / Waist (~100 cm)' },
      ],
    },
    {
      variable: true,
      code: 'depth_cm',
      datatype: 'number',
      required: false,
      datatype_description: 'Độ sâu, cm (1–300) / Depth in whole cm (1–300)',
      order: 2,
      description: 'Độ sâu (cm) / Depth (cm)',
    },
  ],
} as const
