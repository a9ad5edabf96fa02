/**
 * An import plan as a job: its rows cut into chunks of CHUNK_ROWS rows of the file, each holding what
 * those rows write, in the order of the file (so a unit's parent, or a person bound again further
 * down, is always in the same chunk or an earlier one).
 */
import { createHash } from 'node:crypto';
import type { ImportKind, Unit } from '../../../../src/core';
import type { ImportPlan } from '../../spreadsheets/import';
import type { Table } from '../../spreadsheets/spreadsheet';
import type { ImportChunk, ImportJob } from '../../store/port';

/**
 * Rows of the file per chunk: a chunk's document stays a few hundred KB, one chunk is a handful of
 * requests on CloudBase (a batch insert per collection), and a step of one chunk fits many times
 * into a call's time.
 */
export const CHUNK_ROWS = 500;

/** One job per uploaded file: a retried commit finds the job its first try made. */
export const importJobId = (fileRef: string) => `imj_${createHash('sha256').update(fileRef).digest('hex').slice(0, 24)}`;

export interface StageInput {
  kind: ImportKind;
  root: Unit;
  createdBy: string;
  fileName: string;
  fileRef: string;
  at: number;
}

export function stageImport(input: StageInput, table: Table, plan: ImportPlan, chunkRows = CHUNK_ROWS): { job: ImportJob; chunks: ImportChunk[] } {
  const position = new Map(table.rows.map((r, i) => [r.row, i]));
  const byChunk = new Map<number, ImportChunk>();
  const chunkOf = (row: number): ImportChunk => {
    const k = Math.floor((position.get(row) ?? 0) / chunkRows);
    let c = byChunk.get(k);
    if (!c) byChunk.set(k, (c = { units: [], people: [], bindings: [], known: [] }));
    return c;
  };
  const rowOf = (id: string) => plan.rowOf.get(id) ?? 0;
  for (const unit of plan.units) chunkOf(rowOf(unit.id)).units.push({ row: rowOf(unit.id), unit });
  // People an import creates are created in its unit: found there, and from above, if ever unbound.
  for (const person of plan.people) chunkOf(rowOf(person.id)).people.push({ row: rowOf(person.id), person: { ...person, createdInUnitId: input.root.id } });
  for (const binding of plan.bindings) chunkOf(rowOf(binding.id)).bindings.push({ row: rowOf(binding.id), binding });
  for (const k of plan.known) chunkOf(k.row).known.push(k);
  // Chunks that write nothing are left out; a job that writes nothing still has one, so it runs like any other.
  const chunks = [...byChunk.keys()].sort((a, b) => a - b).map((k) => byChunk.get(k)!);
  if (chunks.length === 0) chunks.push({ units: [], people: [], bindings: [], known: [] });
  const job: ImportJob = {
    id: importJobId(input.fileRef),
    kind: input.kind,
    unitId: input.root.id,
    createdBy: input.createdBy,
    fileName: input.fileName,
    fileRef: input.fileRef,
    rows: table.rows.length,
    chunks: chunks.length,
    state: 'checking',
    done: 0,
    counts: { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length },
    failure: null,
    failures: 0,
    createdAt: input.at,
    updatedAt: input.at,
    finishedAt: null,
  };
  return { job, chunks };
}
