/**
 * Where the management page sends a lecture's picture before the lecture is saved: the host's photo
 * route locally, a signed storage address in the cloud (the PhotoUploads port). Staff who run
 * lectures only. What the browser says of the file is checked here, so a 20 MB photo or a PDF is
 * refused before any byte moves; the bytes themselves are checked again where they land (the local
 * route cleans them) or when the lecture is saved (fields.ts: Photos.accept reads back and cleans a
 * cloud upload), so a PDF renamed .jpg is refused as well.
 */
import { DomainError, MANAGES_LECTURES } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { MAX_PHOTO_BYTES, type PhotoType } from '../../ports/photos';
import { personAction, type FunctionDef } from '../define';

const TYPES: readonly PhotoType[] = ['image/jpeg', 'image/png', 'image/webp'];
const MB = 1024 * 1024;

export const pictureUpload: FunctionDef = {
  pictureUpload: personAction(schemas.lectures.pictureUpload, async (ctx, input) => {
    // Any community will do: the lecture's own is checked when it is saved with the picture.
    if (!ctx.caller.bindings.some((b) => !b.unit.archived && MANAGES_LECTURES.includes(b.role))) throw new DomainError('AUTH.FORBIDDEN', '只有社区工作人员可以上传讲座图片');
    const type = TYPES.find((t) => t === input.type.trim().toLowerCase());
    if (!type) throw new DomainError('PHOTO.BAD_TYPE', `「${input.fileName}」不是 JPG、PNG 或 WebP 格式的图片，请换一张图片`, 'picture');
    if (input.size > MAX_PHOTO_BYTES)
      throw new DomainError('PHOTO.TOO_LARGE', `「${input.fileName}」有 ${(input.size / MB).toFixed(1)} MB，图片不能超过 ${MAX_PHOTO_BYTES / MB} MB，请换一张或先压缩`, 'picture');
    if (input.size === 0) throw new DomainError('PHOTO.UNREADABLE', `「${input.fileName}」是空文件，请换一张图片`, 'picture');
    return ctx.deps.photoUploads.ticket(ctx.caller.person.id, type);
  }),
};
