/**
 * Errors as GeoReport v2 writes them: an array of {code, description} under <errors>, with the HTTP
 * status the spec names — 404 for what does not exist, 403 for a wrong or missing api_key, 400 for
 * any other request that cannot be fulfilled. `code` is that status (what every client reads); the
 * description is our message, in Chinese, saying what to do.
 */
import { DomainError, ERRORS, type ErrorCode } from '../../../src/core';
import { answer, type Format } from './format';
import type { Open311Response } from './request';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'GEOREPORT.KEY_REQUIRED': 403,
  'GEOREPORT.KEY_INVALID': 403,
  'GEOREPORT.NOT_FOUND': 404,
  'GEOREPORT.SERVICE_NOT_FOUND': 404,
  'GEOREPORT.REQUEST_NOT_FOUND': 404,
  'GEOREPORT.JURISDICTION_NOT_FOUND': 404,
  'GEOREPORT.ADDRESS_NOT_FOUND': 404,
  INTERNAL: 500,
};

/** The HTTP status of an expected failure. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/** One failure in the spec's shape. */
export function errorAnswer(format: Format, code: ErrorCode, description: string = ERRORS[code]): Open311Response {
  const status = statusOf(code);
  return answer(format, 'errors', [{ code: status, description }], status);
}

/** A refusal raised by a resource's handler. */
export function refusal(format: Format, e: DomainError): Open311Response {
  return errorAnswer(format, e.code, e.message);
}

/** A bad parameter: 400 with a message naming it. */
export function badParam(message: string, field: string): DomainError {
  return new DomainError('INPUT.INVALID', message, field);
}
