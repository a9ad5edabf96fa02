/**
 * A code's image for its poster. Drawn once: wxacode.getUnlimited is rate-limited, so the PNG is
 * kept (CodeFiles) and where it is recorded on the code; every later view reads the kept bytes.
 */
import { CODE_PAGE, DomainError, type Code, type CodeImageView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/codes';
import type { Deps } from '../../deps';
import { personAction, type FunctionDef } from '../define';
import { demandMaker, loadCode, unitOfCode } from './load';

/** Width in pixels: sharp on an A4 poster, and getUnlimited's default. */
export const CODE_IMAGE_WIDTH = 430;

/** The kept drawing, or a new one kept and recorded (the first recorded wins if two draw at once). */
async function drawing(deps: Deps, code: Code): Promise<Buffer> {
  const kept = code.image ? await deps.codeFiles.get(code.image) : null;
  if (kept) return kept;
  const { bytes } = await deps.codeImage.render({ scene: code.id, page: CODE_PAGE, width: CODE_IMAGE_WIDTH });
  // Kept under the code's own name: a drawing lost from storage is drawn again to the same place.
  const ref = await deps.codeFiles.put(`${code.id}.png`, bytes);
  if (!code.image) await deps.store.codes.setImage(code.id, ref);
  return bytes;
}

export const image: FunctionDef = {
  image: personAction(schemas.codes.image, async (ctx, input): Promise<CodeImageView> => {
    const { deps } = ctx;
    const code = await loadCode(deps, input.id);
    demandMaker(ctx, code, await unitOfCode(deps, code));
    if (code.revokedAt !== null) throw new DomainError('CODE.REVOKED', '这个码已作废，不能再打印；请新建一个码');
    const bytes = await drawing(deps, code);
    return { id: code.id, dataUrl: `data:image/png;base64,${bytes.toString('base64')}`, page: CODE_PAGE, scene: code.id };
  }),
};
