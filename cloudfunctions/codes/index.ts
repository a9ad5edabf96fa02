import { codes } from '../lib/actions/codes';
import { makeMain } from '../lib/entry';
import { wxServerCodeImage } from '../lib/ports/code-image.cloud';

export const main = makeMain('codes', codes, { codeImage: wxServerCodeImage });
