/**
 * Platform transports live in transport.weapp.ts and transport.h5.ts; Taro's build picks the one
 * for TARO_ENV when a module imports './transport', so each bundle holds only its own.
 * This file is what type-checking and tests see (tests mock it). If a build ever resolves here,
 * the platform has no transport and every call says so instead of silently using the wrong one.
 */
import type { Transport } from './types';

const NO_NETWORK = { ok: false, code: 'NETWORK.UNREACHABLE', message: '此平台暂不支持联网' } as const;

export const transport: Transport = {
  usesToken: false,
  async send() {
    return NO_NETWORK;
  },
  async upload() {
    return NO_NETWORK;
  },
};
