/**
 * The check-in form's model: its steps (one task a screen), each field's check in the words the members
 * function uses (src/core/schemas/members.ts), so a mistake is said before anything is sent, and which
 * step shows a field the server refused. The name and phone are checked as registration checks them.
 */
import type { MemberType } from '../../core/checkins';
import type { Door } from '../../core/households';
import { checkDoor, checkName, checkPhone, type JoinForm } from '../../register/join/form';
import type { CheckinInput } from '../../services/checkins';

export type Step = 'name' | 'type' | 'branch' | 'work' | 'skills' | 'services' | 'home' | 'phone';

/** The phone last: in WeChat its button is the submit, as on the join form. */
export const STEPS: readonly Step[] = ['name', 'type', 'branch', 'work', 'skills', 'services', 'home', 'phone'];

/** Where they live, if here: a building of theirs under the check-in's unit, or not here (null). */
export interface CheckinForm {
  name: string;
  phone: string;
  memberType: MemberType | null;
  veteran: boolean;
  branchName: string;
  branchPlace: string;
  workUnit: string;
  skills: string[];
  skillsTyped: string;
  services: string[];
  servicesTyped: string;
  freeTime: string[];
  buildingId: string | null;
  entrance: string;
  floor: string;
  room: string;
}

export const EMPTY_CHECKIN: CheckinForm = {
  name: '',
  phone: '',
  memberType: null,
  veteran: false,
  branchName: '',
  branchPlace: '',
  workUnit: '',
  skills: [],
  skillsTyped: '',
  services: [],
  servicesTyped: '',
  freeTime: [],
  buildingId: null,
  entrance: '',
  floor: '',
  room: '',
};

export type Field = keyof CheckinForm;
export type Problems = Partial<Record<Field, string>>;

export const TEXT_MAX = 50;
export const TAG_MAX = 20;
export const TAGS_MAX = 10;

/** Tags picked and typed (typed ones split at commas and spaces): trimmed, each once. */
export function tagsOf(picked: readonly string[], typed: string): string[] {
  const out: string[] = [];
  for (const t of [...picked, ...typed.split(/[，,、；;\s]+/)].map((x) => x.trim())) if (t && !out.includes(t)) out.push(t);
  return out;
}

function checkTags(field: 'skillsTyped' | 'servicesTyped', label: string, tags: string[]): Problems {
  const long = tags.find((t) => t.length > TAG_MAX);
  if (long) return { [field]: `每项${label}最多 ${TAG_MAX} 个字：“${long.slice(0, 8)}…”太长了，请分开写或写短些` };
  if (tags.length > TAGS_MAX) return { [field]: `${label}最多 ${TAGS_MAX} 项，现在有 ${tags.length} 项，请去掉一些` };
  return {};
}

const asJoin = (f: CheckinForm): JoinForm => ({ name: f.name, phone: f.phone, entrance: f.entrance, floor: f.floor, room: f.room, password: '', password2: '' });

const tooLong = (field: Field, label: string, value: string): Problems => (value.trim().length > TEXT_MAX ? { [field]: `${label}最多 ${TEXT_MAX} 个字` } : {});

export const CHECKS: Record<Step, (f: CheckinForm) => Problems> = {
  name: (f) => checkName(asJoin(f)),
  type: (f) => (f.memberType ? {} : { memberType: '请选择您是哪一类党员' }),
  branch: (f) => {
    if (!f.branchName.trim()) return { branchName: '请填写组织关系所在的党支部，例如：市第一人民医院第三党支部' };
    return { ...tooLong('branchName', '党支部名称', f.branchName), ...tooLong('branchPlace', '党支部所在地', f.branchPlace) };
  },
  work: (f) => tooLong('workUnit', '工作单位', f.workUnit),
  skills: (f) => checkTags('skillsTyped', '特长', tagsOf(f.skills, f.skillsTyped)),
  services: (f) => checkTags('servicesTyped', '服务', tagsOf(f.services, f.servicesTyped)),
  // Not living here: nothing to check. Living here: the door, as registration checks it.
  home: (f) => (f.buildingId ? checkDoor(asJoin(f)) : {}),
  phone: (f) => checkPhone(asJoin(f)),
};

export function doorOf(f: CheckinForm): Door {
  const floor = f.floor.trim();
  return { entrance: f.entrance.trim(), floor: floor ? Number(floor) : null, room: f.room.trim() };
}

/** What is sent, but the phone (WeChat's one-time code, or the typed number). */
export function inputOf(f: CheckinForm, codeId: string): Omit<CheckinInput, 'phone' | 'phoneCode'> {
  return {
    codeId,
    name: f.name.trim(),
    memberType: f.memberType!,
    veteran: f.veteran,
    branch: { name: f.branchName.trim(), place: f.branchPlace.trim() || null },
    workUnit: f.workUnit.trim() || null,
    skills: tagsOf(f.skills, f.skillsTyped),
    services: tagsOf(f.services, f.servicesTyped),
    freeTime: f.freeTime.length ? f.freeTime.join('、') : null,
    household: f.buildingId ? { buildingId: f.buildingId, door: doorOf(f) } : null,
  };
}

/** The step and field that show what the server refused (`branch.name` → branch); null: not a field of the form. */
export function stepOfField(field: string | undefined): { step: Step; field: Field } | null {
  if (!field) return null;
  const [head, part] = field.split('.');
  switch (head) {
    case 'name':
      return { step: 'name', field: 'name' };
    case 'memberType':
      return { step: 'type', field: 'memberType' };
    case 'veteran':
      return { step: 'type', field: 'memberType' };
    case 'branch':
      return { step: 'branch', field: part === 'place' ? 'branchPlace' : 'branchName' };
    case 'workUnit':
      return { step: 'work', field: 'workUnit' };
    case 'skills':
      return { step: 'skills', field: 'skillsTyped' };
    case 'services':
      return { step: 'services', field: 'servicesTyped' };
    case 'freeTime':
      return { step: 'services', field: 'freeTime' };
    case 'household':
      if (field.startsWith('household.door.')) {
        const p = field.split('.')[2];
        return { step: 'home', field: p === 'entrance' || p === 'floor' ? p : 'room' };
      }
      return { step: 'home', field: 'buildingId' };
    case 'phone':
    case 'phoneCode':
      return { step: 'phone', field: 'phone' };
    default:
      return null;
  }
}
