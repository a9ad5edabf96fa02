/** A lecture's roster as a spreadsheet (.xlsx): a sign-in sheet to print and tick, the waiting list, the figures. */
import { formatChina } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { rosterWorkbook } from '../../spreadsheets/lecture-roster';
import { XLSX_MIME } from '../../spreadsheets/spreadsheet';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { rosterOf } from './roster-rows';

/** What a file name may not hold on Windows or WeChat's file viewer. */
const unsafe = /[\\/:*?"<>|\s]+/g;

export const exportRoster: FunctionDef = {
  exportRoster: personAction(schemas.lectures.exportRoster, async (ctx, input) => {
    const { lecture } = await managedLecture(ctx, input.id);
    const roster = await rosterOf(ctx.deps, null, lecture);
    return {
      fileName: `${lecture.title.replace(unsafe, '_')}_${formatChina(lecture.startsAt, 'YYYY-MM-DD')}_名单.xlsx`,
      mimeType: XLSX_MIME,
      base64: await rosterWorkbook(roster, ctx.deps.clock.now()),
    };
  }),
};
