import { type ApiError, type ErrorCode, HTTP_STATUS, type Issue } from '@ioc/domain'
import type { Response } from 'express'

/** Every error answer of the API: the status comes from the domain's one table, the body is an ApiError. */
export function sendError(res: Response, code: ErrorCode, message: string, issues?: Issue[]): void {
  const body: ApiError = issues ? { code, message, issues } : { code, message }
  res.status(HTTP_STATUS[code]).json(body)
}
