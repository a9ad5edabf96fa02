import type { Api } from './api';

/**
 * People made over the API the way the way in makes them: residents who register on WeChat with a
 * building code and are let in by staff, and party members who check in with a member code.
 */

export interface Door {
  entrance: string;
  floor: number;
  room: string;
}

export interface WechatApplicant {
  openid: string;
  name: string;
  door: Door;
  phone: string;
}

/** A code for one building (`building`) or compound or community (`member`), made by staff. */
export async function makeCode(http: Api, staff: string, unitId: string, purpose: 'building' | 'member', label?: string): Promise<string> {
  return (await http.call<{ id: string }>('codes', 'create', { unitId, purpose, ...(label === undefined ? {} : { label }) }, { token: staff })).id;
}

/** Residents on WeChat: each registers with the building code, then `approver` lets each in from the pending queue. */
export async function letInOnWechat(http: Api, approver: string, codeId: string, people: WechatApplicant[]): Promise<void> {
  for (const p of people) await http.call('registration', 'submit', { codeId, name: p.name, door: p.door, phone: p.phone }, { openid: p.openid });
  const { registrations } = await http.call<{ registrations: { id: string; version: number; name: string }[] }>('registration', 'pending', {}, { token: approver });
  for (const p of people) {
    const r = registrations.find((x) => x.name === p.name)!;
    await http.call('registration', 'approve', { id: r.id, version: r.version }, { token: approver });
  }
}

/** A WeChat user checks in with a member code; the check-in as the function answers it. */
export async function checkIn(http: Api, openid: string, data: Record<string, unknown>) {
  return http.call<{ checkin: { id: string; status: string }; created: boolean }>('members', 'submit', data, { openid });
}

/** A member on the roster: checks in on WeChat (the member code is in `data`) and `approver`, a secretary, approves. The person's id. */
export async function approvedMember(http: Api, approver: string, openid: string, data: Record<string, unknown>): Promise<string> {
  const sent = await checkIn(http, openid, data);
  const approved = await http.call<{ person: { id: string } }>('members', 'approve', { id: sent.checkin.id, version: 1 }, { token: approver });
  return approved.person.id;
}

/** A resident as a unit's bindings list them. */
export interface Resident {
  id: string;
  name: string;
  phone: string;
}

/** Residents imported for a building who have not come in yet: no web account, no WeChat bound. */
export async function importedResidents(http: Api, staff: string, buildingId: string): Promise<Resident[]> {
  const bindings = await http.call<{ role: string; person: Resident & { username: string | null; wechatBound: boolean } }[]>('units', 'bindings', { unitId: buildingId }, { token: staff });
  return bindings.filter((b) => b.role === 'resident' && !b.person.username && !b.person.wechatBound).map((b) => b.person);
}
