/**
 * Fields more than one function's inputs are made of. Messages are Chinese because they reach the
 * person filling the form.
 */
import * as z from 'zod/mini';

export const trimmed = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).check(z.trim(), z.minLength(1, { error: `请填写${label}` }), z.maxLength(max, { error: `${label}最多 ${max} 个字` }));

export const id = z.string({ error: '缺少编号' }).check(z.trim(), z.minLength(1, { error: '缺少编号' }), z.maxLength(64, { error: '编号太长' }));
export const version = z.number({ error: '缺少版本号' }).check(z.int({ error: '版本号应为整数' }), z.gte(1, { error: '版本号应为正整数' }));

export const unitName = trimmed('单位名称', 40);
/** A name has a letter of some script (Han, Latin, Uyghur, Tibetan, …): a name of emoji or symbols alone is refused (nobody can call it out). */
export const personName = trimmed('姓名', 20).check(z.regex(/\p{L}/u, { error: '姓名里要有汉字或字母，请填写真实姓名' }));
export const phone = z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位数字' }));
export const username = z.string({ error: '请填写账号' }).check(z.trim(), z.regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: '账号为 3 到 32 位字母、数字或 _ . -' }));
export const password = z.string({ error: '请填写密码' }).check(z.minLength(8, { error: '密码至少 8 位' }), z.maxLength(128, { error: '密码最多 128 位' }));
