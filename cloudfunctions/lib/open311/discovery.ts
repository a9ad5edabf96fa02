/**
 * GET discovery.(xml|json): the Service Discovery document — where the endpoint is, which formats it
 * speaks, whom to ask and how to get a key. The spec writes it as an object, in both formats.
 */
import { answer, type Format } from './format';
import type { Open311Request, Open311Response } from './request';

/** When this endpoint's behaviour last changed: clients refresh what they cached (services) when it moves. */
export const CHANGESET = '2026-12-01T00:00:00+08:00';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export function discovery(req: Open311Request, format: Format): Open311Response {
  return answer(format, 'discovery', {
    changeset: CHANGESET,
    contact: '近邻（社区民情反映）。接口问题请联系发放密钥的社区工作人员。',
    key_service: '接口密钥（api_key）由社区工作人员在近邻管理后台的“Open311 接口”页发放给合作单位，只显示一次，可随时撤销。查询和提交反映都要用密钥。',
    endpoints: [
      {
        specification: SPECIFICATION,
        url: req.baseUrl,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  });
}
