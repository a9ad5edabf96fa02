/**
 * The cloud CodeImage on wx-server-sdk. Kept apart from code-image.ts so only the functions that
 * import it (through makeMain's codeImage option) bundle wx-server-sdk.
 */
import { miniProgramCodeImage, type CodeImage, type GetUnlimited } from './code-image';

/** Loads wx-server-sdk only when a function really renders a code. */
export function wxServerCodeImage(): CodeImage {
  let getUnlimited: GetUnlimited | null = null;
  return miniProgramCodeImage(async (params) => {
    if (!getUnlimited) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk');
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      getUnlimited = (p) => cloud.openapi.wxacode.getUnlimited(p);
    }
    return getUnlimited!(params);
  }, (process.env.JINLIN_MP_VERSION as 'release' | 'trial' | 'develop') || 'release');
}
