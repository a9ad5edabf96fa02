/**
 * 提供资源's model and checks, in the words the partners function uses (core/schemas/partners.ts
 * resourceFields), so a mistake is said under its box before anything is sent; and the fields it sends.
 */
import type { ResourceView } from '../../core/api';
import type { ResourceKind } from '../../core/partners';

export const TITLE_MAX = 40;
export const DESCRIPTION_MAX = 500;
export const AMOUNT_MAX = 40;
export const AVAILABILITY_MAX = 60;

export interface ResourceForm {
  kind: ResourceKind | null;
  title: string;
  description: string;
  amount: string;
  availability: string;
}

export type Field = keyof ResourceForm;
export type Problems = Partial<Record<Field, string>>;

export const emptyResource = (): ResourceForm => ({ kind: null, title: '', description: '', amount: '', availability: '' });

export const formOf = (r: ResourceView): ResourceForm => ({ kind: r.kind, title: r.title, description: r.description, amount: r.amount, availability: r.availability });

function required(value: string, max: number, empty: string, label: string): string | undefined {
  const v = value.trim();
  if (!v) return empty;
  if (v.length > max) return `${label}最多 ${max} 个字`;
  return undefined;
}

export function checkResource(f: ResourceForm): Problems {
  const out: Problems = {
    kind: f.kind ? undefined : '请选择资源类型',
    title: required(f.title, TITLE_MAX, '请写资源名称，例如“党群活动室”', '资源名称'),
    description: required(f.description, DESCRIPTION_MAX, '请写一写这项资源，社区好安排', '资源说明'),
    amount: required(f.amount, AMOUNT_MAX, '请写数量，例如“251 平方米”“每月 20 人次”', '数量'),
    availability: required(f.availability, AVAILABILITY_MAX, '请写什么时候可以用，例如“工作日 9:00–17:00”', '可用时间'),
  };
  for (const k of Object.keys(out) as Field[]) if (!out[k]) delete out[k];
  return out;
}

/** The resource's fields as the function takes them. */
export const fieldsOf = (f: ResourceForm) => ({ kind: f.kind!, title: f.title.trim(), description: f.description.trim(), amount: f.amount.trim(), availability: f.availability.trim() });

export function fieldOf(field: string | undefined): Field | null {
  return field === 'kind' || field === 'title' || field === 'description' || field === 'amount' || field === 'availability' ? field : null;
}
