/**
 * 码 on the management page in a real Chromium against `npm start` on a temporary database: the
 * community staff member 张伟 (shequ / demo1234) chooses 幸福里小区 3号楼, makes a 楼栋码 with a
 * label, a last day and a use limit, sees it listed, opens its poster and prints it (one A4 page),
 * sees a scan counted, and revokes it with a reason. The browser runs in Los Angeles time: the
 * dates staff pick are China days whatever zone the desk PC is set to.
 * Screenshots land in tests/e2e/screenshots/codes-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { deskShot, signInAtDesk } from './support/desk';
import { DESK, deskHost } from './support/host';
import { SHOTS } from './support/screenshots';
import { unitTree } from './support/units';

jest.setTimeout(120_000);

const DAY = 24 * 3600_000;
const CHINA = 8 * 3600_000;
/** A4 at 96 dpi: what the poster screenshot is taken at. */
const A4 = { width: 794, height: 1123 };
const LABEL = '3号楼一单元门口';
const REASON = '海报被撕毁，换新码';

const host = deskHost({});
let page: Page;
const http = api(() => host.url);
const { post, call, signIn } = http;
let staff: string;
let buildingId: string;
let codeId: string;
/** The last day the code is made valid on (China date), 30 days from today. */
let lastDay: string;

const settle = () => page.waitForTimeout(400);
/** An open antd modal by the text of its title. */
const modal = (title: string | RegExp) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const row = () => page.locator(`.ant-table-tbody tr[data-row-key="${codeId}"]`);

/** A screenshot once passing messages (欢迎您, 已生成) have gone: they would hide the page. */
const shot = (name: string) => deskShot(page, `codes-${name}.png`);

const chinaDay = (t: number) => new Date(t + CHINA).toISOString().slice(0, 10);
const chinaMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - CHINA;

beforeAll(async () => {
  staff = await signIn('shequ');
  const units = await unitTree(http, staff);
  const compound = units.find((u) => u.name === '幸福里小区')!;
  buildingId = units.find((u) => u.name === '3号楼' && u.path.startsWith(compound.path))!.id;
  lastDay = chinaDay(Date.now() + 30 * DAY);
  // A desk PC far from China.
  page = await host.openBrowser({ farFromChina: true });
});

describe('码 on the management page', () => {
  it('opens 码 from the menu and lists the codes of a building chosen in the tree', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
    await signInAtDesk(page, host.url, 'shequ', '张伟');

    await page.getByRole('menuitem', { name: '码' }).click();
    await page.waitForURL(/\/admin\/codes/);
    // The community itself: only 签到码 are made on it.
    await page.getByTestId('codes-trail').filter({ hasText: '阳光社区' }).waitFor();

    const picker = page.getByLabel('单位');
    await picker.click();
    await picker.fill('3号楼');
    // Every compound has a 3号楼: matches keep their compound above them, so take the one after 幸福里小区.
    const nodes = page.locator('.ant-select-tree-treenode');
    await nodes.filter({ hasText: '幸福里小区（小区）' }).waitFor();
    const titles = await nodes.allInnerTexts();
    const at = titles.findIndex((t, i) => t.includes('3号楼（楼栋）') && titles.slice(0, i).some((x) => x.includes('幸福里小区')));
    await nodes.nth(at).locator('.ant-select-tree-title').click();
    await page.waitForURL(new RegExp(`/admin/codes\\?unit=${buildingId}`));
    await page.getByTestId('codes-trail').filter({ hasText: /幸福里小区\s*3号楼$/ }).waitFor();
    await page.getByText('这里还没有码').waitFor();
    expect(await page.getByRole('button', { name: '生成码' }).isEnabled()).toBe(true);
  });

  it('makes a 楼栋码 with a label, a last day and a use limit, and lists it unused and unscanned', async () => {
    await page.getByRole('button', { name: '生成码' }).click();
    const dialog = modal('生成码');
    await dialog.waitFor();
    // A building takes building codes and personal codes, nothing else.
    const purposes = await dialog.getByRole('radio').evaluateAll((els) => els.map((e) => (e.closest('label') as HTMLElement).innerText.split('\n')[0].trim()));
    expect(purposes.map((p) => p.replace(/\s*扫码后.*$/, ''))).toEqual(['楼栋码', '个人码']);
    await dialog.getByRole('radio', { name: /^楼栋码/ }).check();
    await dialog.getByLabel('说明').fill(LABEL);
    // The end of the range, typed as the person would read it off a calendar.
    const end = dialog.getByPlaceholder('长期有效');
    await end.click();
    await end.fill(lastDay);
    await end.press('Enter');
    await dialog.getByLabel('使用次数上限').fill('50');
    await settle();
    await page.screenshot({ path: path.join(SHOTS, 'codes-01-create.png') });
    await dialog.getByRole('button', { name: '生成' }).click();
    await page.locator('.ant-message').getByText(`已生成楼栋码「${LABEL}」`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const listed = await call<{ codes: { id: string; label: string; validFrom: number | null; validUntil: number | null; useLimit: number | null; scans: number }[] }>(
      'codes',
      'list',
      { unitId: buildingId },
      { token: staff },
    );
    expect(listed.codes).toHaveLength(1);
    const code = listed.codes[0];
    codeId = code.id;
    // The last day picked in a Los Angeles browser is a China day: valid until the China midnight after it.
    expect(code).toMatchObject({ label: LABEL, validFrom: null, validUntil: chinaMidnight(lastDay) + DAY, useLimit: 50, scans: 0 });

    await row().waitFor();
    const cells = await row().locator('td').allInnerTexts();
    expect(cells[0]).toBe('楼栋码');
    expect(cells[1]).toBe(LABEL);
    expect(cells).toContain(`至 ${lastDay.replace(/-/g, '/')}`);
    await expect(row().getByTestId('code-uses').innerText()).resolves.toBe('0 / 50');
    await expect(row().getByTestId('code-scans').innerText()).resolves.toBe('0');
    await expect(row().getByTestId('code-status').innerText()).resolves.toBe('可用');
    expect(cells.join(' ')).toContain('张伟');
  });

  it('opens the poster: the building, what the code does, the code image and three steps on one A4 page', async () => {
    await row().getByRole('button', { name: '海报' }).click();
    await page.waitForURL(new RegExp(`/admin/codes/${codeId}/poster\\?unit=${buildingId}`));
    const poster = page.getByTestId('poster');
    await poster.waitFor();
    const image = page.getByTestId('poster-image');
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="poster-image"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const text = await poster.innerText();
    for (const s of ['幸福里小区', '3号楼', '楼栋码', '加入本楼，成为楼里的居民', '打开微信“扫一扫”', '扫描上面的码', '填写姓名、电话和门牌，等楼栋长审核', LABEL]) {
      expect(text).toContain(s);
    }
    const [y, m, d] = lastDay.split('-').map(Number);
    expect(text).toContain(`有效期至${y}年${m}月${d}日`);
    expect(text.replace(/\s/g, '')).toContain(`码号${codeId}`);

    // What prints: the poster alone, the menu and the 打印 button hidden. (Messages go first: print
    // media hides their container, and a hidden message never finishes leaving.)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 });
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
    await settle();
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('menuitem', { name: '码' }).isVisible()).toBe(false);
    const box = (await poster.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(A4.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(A4.width);
    // Nothing inside the sheet is cut off by it: its parts fit its height, and each lies within it.
    const fit = await poster.evaluate((el) => {
      const sheet = el.getBoundingClientRect();
      const parts = Array.from(el.querySelector('.poster-body')!.children).map((c) => c.getBoundingClientRect());
      const inside = Array.from(el.querySelectorAll('*')).every((c) => {
        const r = c.getBoundingClientRect();
        return r.top >= sheet.top - 0.5 && r.bottom <= sheet.bottom + 0.5 && r.left >= sheet.left - 0.5 && r.right <= sheet.right + 0.5;
      });
      return { used: parts.reduce((n, r) => n + r.height, 0), height: sheet.height, inside };
    });
    expect(fit.used).toBeLessThanOrEqual(fit.height);
    expect(fit.inside).toBe(true);
    // Large type for people reading it on a stairwell wall; the code big enough to scan from a step away.
    const size = (sel: string) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.poster-unit')).toBeGreaterThanOrEqual(56);
    expect(await size('.poster-step')).toBeGreaterThanOrEqual(28);
    expect((await image.boundingBox())!.width).toBeGreaterThanOrEqual(350);
    await page.screenshot({ path: path.join(SHOTS, 'codes-02-poster-print.png') });

    // Printed to PDF with the page's own @page rule: exactly one portrait A4 page.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages).toHaveLength(1);
    const [, , w, h] = pdf.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/)!.slice(1).map(Number);
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);

    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESK);
    await settle();
    await page.getByRole('button', { name: '打印' }).waitFor();
    await shot('03-poster-screen');
  });

  it('counts a scan, then revokes the code with a reason and shows 已作废', async () => {
    // A resident's phone resolves the code (the landing page does this on every scan).
    const resolved = await call<{ purpose: string; unit: { id: string } }>('codes', 'resolve', { id: codeId });
    expect(resolved).toMatchObject({ purpose: 'building', unit: { id: buildingId } });

    await page.getByRole('button', { name: '回到码列表' }).click();
    await page.waitForURL(new RegExp(`/admin/codes\\?unit=${buildingId}$`));
    await row().getByTestId('code-scans').filter({ hasText: /^1$/ }).waitFor();

    await row().getByRole('button', { name: '作废' }).click();
    const dialog = modal('作废楼栋码');
    await dialog.waitFor();
    // The reason is required: an empty one is refused on the form, nothing sent.
    await dialog.getByRole('button', { name: '作废' }).click();
    await dialog.getByText('请填写作废原因').waitFor();
    await dialog.getByLabel('作废原因').fill(REASON);
    await dialog.getByRole('button', { name: '作废' }).click();
    await page.locator('.ant-message').getByText(`已作废楼栋码「${LABEL}」`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const status = row().getByTestId('code-status');
    await status.filter({ hasText: '已作废' }).waitFor();
    await status.filter({ hasText: `原因：${REASON}` }).waitFor();
    expect(await row().locator('[data-status="revoked"]').innerText()).toBe('已作废');
    // A revoked code is printed no more and revoked once.
    expect(await row().getByRole('button', { name: '海报' }).count()).toBe(0);
    expect(await row().getByRole('button', { name: '作废' }).count()).toBe(0);
    await settle();
    await shot('04-list-revoked');

    const r = await post('codes', { action: 'resolve', data: { id: codeId } });
    expect(r).toMatchObject({ ok: false, code: 'CODE.REVOKED' });
  });
});
