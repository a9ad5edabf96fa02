/** Importing units or residents from a spreadsheet: the template, a preview with every error, and the commit of the same file. */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { IMPORT_COLUMNS, importDigest, missingColumns, planImport } from '../../spreadsheets/import';
import { templateWorkbook } from '../../spreadsheets/ledger';
import { XLSX_MIME, readTable } from '../../spreadsheets/spreadsheet';
import { audit, demand } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { reachOf } from './import-reach';
import { staffRoots } from './scope';

async function prepareImport(ctx: AuthedContext, input: { kind: 'units' | 'residents'; unitId: string; fileName: string; base64: string }) {
  staffRoots(ctx);
  const root = await ctx.deps.store.units.get(input.unitId);
  if (!root) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  demand(ctx, input.kind === 'units' ? 'unit.manage' : 'person.manage', root);
  if (root.archived) throw new DomainError('UNIT.ARCHIVED', undefined, 'unitId');
  const table = await readTable(input.fileName, input.base64);
  const missing = missingColumns(input.kind, table.header);
  if (missing.length)
    throw new DomainError(
      'IMPORT.BAD_COLUMNS',
      `表格缺少列：${missing.join('、')}。第一行应为：${[...IMPORT_COLUMNS[input.kind].required, ...IMPORT_COLUMNS[input.kind].optional].join('、')}（可下载模板对照）`,
      'base64',
    );
  const reach = input.kind === 'residents' ? await reachOf(ctx, table) : null;
  const planned = await planImport(
    { store: reach?.store ?? ctx.deps.store, root, callerBindings: ctx.caller.bindings, callerId: ctx.caller.person.id, now: ctx.deps.clock.now(), newId: (p) => ctx.deps.ids.next(p) },
    input.kind,
    table,
  );
  // A plan with any error writes nothing, as planImport's own errors do.
  const plan = reach?.beyond.length ? { errors: [...planned.errors, ...reach.beyond].sort((a, b) => a.row - b.row), units: [], people: [], bindings: [] } : planned;
  return { plan, table, root };
}

export const importActions: FunctionDef = {
  importTemplate: personAction(schemas.management.importTemplate, async (ctx, input) => {
    staffRoots(ctx);
    return { fileName: input.kind === 'units' ? '单位导入模板.xlsx' : '居民导入模板.xlsx', mimeType: XLSX_MIME, base64: await templateWorkbook(input.kind) };
  }),

  importPreview: personAction(schemas.management.importPreview, async (ctx, input) => {
    const { plan, table } = await prepareImport(ctx, input);
    return {
      kind: input.kind,
      rows: table.rows.length,
      sample: table.rows.slice(0, 5).map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']).filter(([h]) => h !== ''))),
      errors: plan.errors,
      willCreate: { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length },
      digest: importDigest(input.kind, input.unitId, input.base64),
    };
  }),

  importCommit: personAction(schemas.management.importCommit, async (ctx, input) => {
    if (importDigest(input.kind, input.unitId, input.base64) !== input.digest) throw new DomainError('IMPORT.CHANGED', undefined, 'digest');
    const { plan, table, root } = await prepareImport(ctx, input);
    if (plan.errors.length) {
      const first = plan.errors[0];
      throw new DomainError('IMPORT.HAS_ERRORS', `第 ${first.row} 行${first.column ? `“${first.column}”` : ''}：${first.message}${plan.errors.length > 1 ? `（共 ${plan.errors.length} 处错误）` : ''}。没有写入任何数据。`, 'base64');
    }
    const batchId = ctx.deps.ids.next('imp');
    // People the import creates are created in its unit: found there, and from above, if ever unbound.
    const people = plan.people.map((p) => ({ ...p, createdInUnitId: root.id }));
    await ctx.deps.store.imports.commit({ id: batchId, units: plan.units, people, bindings: plan.bindings });
    const created = { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length };
    await audit(ctx, 'desk.import', 'import', batchId, { kind: input.kind, fileName: input.fileName, rows: table.rows.length, unitId: root.id, created }, root.path);
    return { kind: input.kind, created };
  }),
};
