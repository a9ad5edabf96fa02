/**
 * The data the elder-mode test's pages need, made over the API the way the pages and the management
 * page make it (a host started with JINLIN_DEV_WECHAT=1, demo people, no demo reports):
 * - 孙福贵 files a noise report with two photos; 赵桂兰 (his building's lead) responds to it, so it has
 *   a handler to call, a timeline and a message for him;
 * - community staff (张伟) make 1号楼's building code;
 * - 吴建华, a second lead of 1号楼 on WeChat (his personal code approves him by itself), binds group g-3hao;
 * - 钱红梅 joins 1号楼 on WeChat with the code and is approved: the neighbour who opens the card in g-3hao;
 * - 周晓梅 registers on WeChat with the code and waits: her 我的登记, and the leads' 入住审核.
 * `storage` is what each person's phone keeps in Taro storage: a session, or a stand-in WeChat user.
 */
import sharp from 'sharp';
import { api } from './support/api';
import { letInOnWechat, makeCode } from './support/people';
import { demoPlaces } from './support/units';

export type Who = 'nobody' | 'resident' | 'lead' | 'newcomer' | 'applicant' | 'neighbour' | 'groupLead' | 'secretary' | 'member';

export interface Seeded {
  reportId: string;
  description: string;
  codeId: string;
  buildingId: string;
  applicantName: string;
  storage: Record<Who, Record<string, unknown>>;
}

const DESCRIPTION = '楼上每天半夜装修，电钻声吵得睡不着';
const GROUP = 'g-3hao';

/** A photo as a phone sends it: a 640×480 JPEG of two colours. */
export async function photoJpeg(): Promise<Buffer> {
  const half = await sharp({ create: { width: 320, height: 480, channels: 3, background: '#5b7fa3' } }).png().toBuffer();
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#d9c7a1' } })
    .composite([{ input: half, left: 0, top: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function seed(url: string): Promise<Seeded> {
  const http = api(url);
  const { call } = http;
  const signIn = (username: string) => http.session(username);
  const session = (s: { token: string; expiresAt: number }) => ({ 'jinlin.session': { token: s.token, expiresAt: s.expiresAt } });

  const staff = (await signIn('shequ')).token;
  const resident = await signIn('jumin');
  const lead = await signIn('louzhang');
  // 刘芳, 幸福里小区's branch secretary: 党员报到审核 (members-seed.ts makes the check-in).
  const secretary = await signIn('zhibu');
  // 周敏, a member of 幸福里小区: 我的联户 and 记录走访 (pairings-seed.ts pairs her with a household).
  const member = await signIn('dangyuan');
  const { building } = await demoPlaces(http, staff);

  // The report, filed with photos before 1号楼 has a second lead (so it goes to 赵桂兰), and responded to.
  const photos: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${url}/api/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${resident.token}` }, body: new Uint8Array(await photoJpeg()) });
    const json = await res.json();
    if (!json.ok) throw new Error(`photos: ${json.code} ${json.message}`);
    photos.push(json.data.id);
  }
  const filed = await call<{ report: { id: string; version: number } }>(
    'reports',
    'create',
    { clientRequestId: 'elder-mode-request-0001', unitId: building.id, category: 'noise', description: DESCRIPTION, location: '2单元 502 楼上', photos },
    { token: resident.token },
  );
  await call('reports', 'respond', { id: filed.report.id, version: filed.report.version, note: '收到，今晚去502看看' }, { token: lead.token });

  const codeId = await makeCode(http, staff, building.id, 'building', '1号楼一单元门口');

  // 吴建华: a lead on WeChat, in the building's group, which he binds.
  const WU = 'dev-openid-elder-wu';
  const wu = await call<{ id: string }>('people', 'create', { name: '吴建华', phone: '13655552001' }, { token: staff });
  await call('units', 'bind', { unitId: building.id, personId: wu.id, role: 'building_lead' }, { token: staff });
  const personal = await call<{ id: string }>('codes', 'create', { unitId: building.id, purpose: 'personal', personId: wu.id }, { token: staff });
  await call('registration', 'submit', { codeId: personal.id, name: '吴建华', door: { entrance: '1', floor: 3, room: '301' }, phone: '13655552001' }, { openid: WU });
  await call('groups', 'bind', { buildingId: building.id, cloudID: `dev-group:${GROUP}:seed` }, { openid: WU });

  // 钱红梅: a resident on WeChat, let in by staff.
  const NEIGHBOUR = 'dev-openid-elder-neighbour';
  await letInOnWechat(http, staff, codeId, [{ openid: NEIGHBOUR, name: '钱红梅', door: { entrance: '2', floor: 4, room: '402' }, phone: '13655552002' }]);

  // 周晓梅: registered and waiting.
  const APPLICANT = 'dev-openid-elder-applicant';
  const applicantName = '周晓梅';
  await call('registration', 'submit', { codeId, name: applicantName, door: { entrance: '2', floor: 6, room: '602' }, phone: '13655552003' }, { openid: APPLICANT });

  return {
    reportId: filed.report.id,
    description: DESCRIPTION,
    codeId,
    buildingId: building.id,
    applicantName,
    storage: {
      nobody: {},
      resident: session(resident),
      lead: session(lead),
      newcomer: { 'jinlin.devOpenid': 'dev-openid-elder-newcomer' },
      applicant: { 'jinlin.devOpenid': APPLICANT },
      neighbour: { 'jinlin.devOpenid': NEIGHBOUR, 'jinlin.devGroup': GROUP },
      groupLead: { 'jinlin.devOpenid': WU, 'jinlin.devGroup': GROUP },
      secretary: session(secretary),
      member: session(member),
    },
  };
}
