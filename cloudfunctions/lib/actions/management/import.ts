/**
 * Importing units or residents from a spreadsheet: the template; where to send the file (storage,
 * never the request: 20,000 rows do not fit one); a preview with every error; the commit, which
 * stages the planned rows as an import job; and the calls the page follows the job with. The job
 * itself runs in import-run.ts, a step at a time, all or nothing.
 */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/management';
import { IMPORT_COLUMNS, importDigest, missingColumns, planImport } from '../../spreadsheets/import';
import { templateWorkbook } from '../../spreadsheets/ledger';
import { XLSX_MIME, readTableOf } from '../../spreadsheets/spreadsheet';
import { demand } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { reachOf } from './import-reach';
import { importJobView, runImportJob } from './import-run';
import { stageImport } from './import-stage';
import { staffRoots } from './scope';

/** The management function's timeout (its config.json): a call's hold on a job outlives the call. */
const MANAGEMENT_TIMEOUT_MS = 30_000;
/** How long one importContinue works before answering: well inside the timeout, often enough for the progress bar. */
export const CONTINUE_BUDGET_MS = 8_000;

type ImportInput = { kind: 'units' | 'residents'; unitId: string; fileName: string; file: string };

/** The uploaded file, if it is the caller's and still there. */
async function fileOf(ctx: AuthedContext, input: ImportInput): Promise<Buffer> {
  const bytes = await ctx.deps.importFiles.read(input.file, ctx.caller.person.id);
  if (!bytes) throw new DomainError('IMPORT.FILE_MISSING', undefined, 'file');
  return bytes;
}

async function prepareImport(ctx: AuthedContext, input: ImportInput, bytes: Buffer) {
  staffRoots(ctx);
  const root = await ctx.deps.store.units.get(input.unitId);
  if (!root) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  demand(ctx, input.kind === 'units' ? 'unit.manage' : 'person.manage', root);
  if (root.archived) throw new DomainError('UNIT.ARCHIVED', undefined, 'unitId');
  const table = await readTableOf(input.fileName, bytes, 'file');
  const missing = missingColumns(input.kind, table.header);
  if (missing.length)
    throw new DomainError(
      'IMPORT.BAD_COLUMNS',
      `表格缺少列：${missing.join('、')}。第一行应为：${[...IMPORT_COLUMNS[input.kind].required, ...IMPORT_COLUMNS[input.kind].optional].join('、')}（可下载模板对照）`,
      'file',
    );
  const reach = input.kind === 'residents' ? await reachOf(ctx, table) : null;
  const planned = await planImport(
    { store: reach?.store ?? ctx.deps.store, root, callerBindings: ctx.caller.bindings, callerId: ctx.caller.person.id, now: ctx.deps.clock.now(), newId: (p) => ctx.deps.ids.next(p) },
    input.kind,
    table,
  );
  // A plan with any error writes nothing, as planImport's own errors do.
  const plan = reach?.beyond.length
    ? { errors: [...planned.errors, ...reach.beyond].sort((a, b) => a.row - b.row), units: [], people: [], bindings: [], rowOf: new Map<string, number>(), known: [] }
    : planned;
  return { plan, table, root };
}

/** A job the caller may follow: one made under a unit they manage. */
async function jobFor(ctx: AuthedContext, jobId: string) {
  staffRoots(ctx);
  const job = await ctx.deps.store.importJobs.get(jobId);
  const root = job ? await ctx.deps.store.units.get(job.unitId) : null;
  if (!job || !root) throw new DomainError('IMPORT.JOB_NOT_FOUND', undefined, 'jobId');
  demand(ctx, job.kind === 'units' ? 'unit.manage' : 'person.manage', root);
  return job;
}

export const importActions: FunctionDef = {
  importTemplate: personAction(schemas.management.importTemplate, async (ctx, input) => {
    staffRoots(ctx);
    return { fileName: input.kind === 'units' ? '单位导入模板.xlsx' : '居民导入模板.xlsx', mimeType: XLSX_MIME, base64: await templateWorkbook(input.kind) };
  }),

  importUpload: personAction(schemas.management.importUpload, async (ctx, input) => {
    staffRoots(ctx);
    return ctx.deps.importFiles.ticket(ctx.caller.person.id, input.fileName);
  }),

  importPreview: personAction(schemas.management.importPreview, async (ctx, input) => {
    const bytes = await fileOf(ctx, input);
    const { plan, table } = await prepareImport(ctx, input, bytes);
    return {
      kind: input.kind,
      rows: table.rows.length,
      sample: table.rows.slice(0, 5).map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']).filter(([h]) => h !== ''))),
      errors: plan.errors,
      willCreate: { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length },
      digest: importDigest(input.kind, input.unitId, bytes),
    };
  }),

  /** Stages the file's rows as a job and answers it; importContinue (or the timer) runs it. */
  importCommit: personAction(schemas.management.importCommit, async (ctx, input) => {
    const bytes = await fileOf(ctx, input);
    if (importDigest(input.kind, input.unitId, bytes) !== input.digest) throw new DomainError('IMPORT.CHANGED', undefined, 'digest');
    const { plan, table, root } = await prepareImport(ctx, input, bytes);
    if (plan.errors.length) {
      const first = plan.errors[0];
      throw new DomainError('IMPORT.HAS_ERRORS', `第 ${first.row} 行${first.column ? `“${first.column}”` : ''}：${first.message}${plan.errors.length > 1 ? `（共 ${plan.errors.length} 处错误）` : ''}。没有写入任何数据。`, 'file');
    }
    const staged = stageImport({ kind: input.kind, root, createdBy: ctx.caller.person.id, fileName: input.fileName, fileRef: input.file, at: ctx.deps.clock.now() }, table, plan);
    return importJobView(await ctx.deps.store.importJobs.create(staged.job, staged.chunks));
  }),

  /** Runs the job a while (CONTINUE_BUDGET_MS) and answers where it is; while another run holds it, just where it is. */
  importContinue: personAction(schemas.management.importContinue, async (ctx, input) => {
    const job = await jobFor(ctx, input.jobId);
    if (job.state === 'done' || job.state === 'rolledBack') return importJobView(job);
    const { clock } = ctx.deps;
    const budget = { now: () => clock.now(), deadline: clock.now() + CONTINUE_BUDGET_MS };
    const after = await runImportJob(ctx.deps, job.id, { owner: `call-${ctx.requestId}`, budget, leaseMs: MANAGEMENT_TIMEOUT_MS });
    return importJobView(after ?? job);
  }),

  importStatus: personAction(schemas.management.importStatus, async (ctx, input) => importJobView(await jobFor(ctx, input.jobId))),
};
