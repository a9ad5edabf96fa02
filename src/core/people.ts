export interface Person {
  id: string;
  name: string;
  /** Mainland mobile number; shown only to people who handle this person's matters. */
  phone: string | null;
  /** Web sign-in name; null for people who only use the mini-program. */
  username: string | null;
  /** WeChat OPENID of the mini-program user, set when they first register. */
  openid: string | null;
  /** True for people created by the demo data; their logins are listed on the login pages. */
  demo: boolean;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** Person as other people see it: never the password hash or the openid. */
export interface PersonView {
  id: string;
  name: string;
  phone: string | null;
  username: string | null;
}

export function viewPerson(p: Person): PersonView {
  return { id: p.id, name: p.name, phone: p.phone, username: p.username };
}

/** 138****5678 — how a phone is shown to someone who must not see it whole. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
