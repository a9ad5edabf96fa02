/** Staff tick a name on the roster (on the screen, or from a printed list afterwards) for someone without a phone. */
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { markAttendance } from './attendance';

export const tick: FunctionDef = {
  tick: personAction(schemas.lectures.tick, async (ctx, input) => {
    const { lecture, community } = await managedLecture(ctx, input.lectureId, 'lectureId');
    return markAttendance(ctx, lecture, input.personId, 'list', community.path);
  }),
};
