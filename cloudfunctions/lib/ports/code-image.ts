/**
 * The CodeImage port: an image a person scans to open a mini-program page with a `scene`
 * (a check-in code, a lecture's attendance code). In the cloud it is a mini-program code from
 * wxacode.getUnlimited; locally a QR code of the h5 URL, from the `qrcode` package.
 */
import type QRCodeModule from 'qrcode';
import { DomainError } from '../../../src/core';

export interface CodeRequest {
  /** At most 32 visible characters from WeChat's allowed set; read by the page as `scene`. */
  scene: string;
  /** A mini-program page path without a leading slash, e.g. "pages/checkin/index". */
  page: string;
  /** Width in pixels (280–1280). */
  width?: number;
}

export interface CodeImage {
  render(req: CodeRequest): Promise<{ contentType: 'image/png'; bytes: Buffer }>;
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const PAGE = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i;

/** WeChat's own rules for getUnlimited, checked before any call so both implementations agree. */
export function checkCodeRequest(req: CodeRequest): Required<CodeRequest> {
  if (!SCENE.test(req.scene)) throw new DomainError('INPUT.INVALID', '二维码参数最多 32 个字符，只能用字母、数字和 !#$&\'()*+,/:;=?@-._~', 'scene');
  if (!PAGE.test(req.page)) throw new DomainError('INPUT.INVALID', '页面路径不正确', 'page');
  const width = req.width ?? 430;
  if (!Number.isInteger(width) || width < 280 || width > 1280) throw new DomainError('INPUT.INVALID', '二维码宽度应在 280 到 1280 之间', 'width');
  return { scene: req.scene, page: req.page, width };
}

/** Locally: a QR code of `${baseUrl}/${page}?scene=…`, which the h5 build opens. */
export function qrCodeImage(baseUrl: string): CodeImage {
  return {
    async render(req) {
      const r = checkCodeRequest(req);
      const url = `${baseUrl.replace(/\/$/, '')}/${r.page}?scene=${encodeURIComponent(r.scene)}`;
      // Loaded on first use: cloud functions that never draw a code do not pay for it at cold start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const QRCode = require('qrcode') as typeof QRCodeModule;
      const bytes = await QRCode.toBuffer(url, { type: 'png', width: r.width, margin: 2, errorCorrectionLevel: 'M' });
      return { contentType: 'image/png', bytes };
    },
  };
}

export type GetUnlimited = (params: { scene: string; page: string; width: number; check_path: boolean; env_version: string }) => Promise<{
  buffer?: Buffer;
  errCode?: number;
  errMsg?: string;
}>;

/** In the cloud: wx-server-sdk's cloud.openapi.wxacode.getUnlimited, passed in by the function. */
export function miniProgramCodeImage(getUnlimited: GetUnlimited, envVersion: 'release' | 'trial' | 'develop' = 'release'): CodeImage {
  return {
    async render(req) {
      const r = checkCodeRequest(req);
      const res = await getUnlimited({ scene: r.scene, page: r.page, width: r.width, check_path: false, env_version: envVersion });
      if (!res.buffer || res.buffer.length === 0) throw new Error(`wxacode.getUnlimited failed: ${res.errCode ?? '?'} ${res.errMsg ?? 'empty image'}`);
      return { contentType: 'image/png', bytes: Buffer.from(res.buffer) };
    },
  };
}
