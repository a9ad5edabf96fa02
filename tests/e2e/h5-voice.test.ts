/**
 * Reporting by voice in the h5 build (#26), in Chromium with a fake microphone
 * (--use-fake-device-for-media-stream: a beeping tone; --use-fake-ui-for-media-stream: permission
 * granted without asking), against the real local host. 孙福贵 holds 按住说话 on the report form (the
 * page records PCM and encodes MP3 with @breezystack/lamejs, loaded only then), releases, plays it
 * back and files a report with a category and no words. The stored file is an MP3 (its first bytes
 * an ID3 tag or an MPEG frame sync). The property manager 陈强 plays it on his report page and types
 * what he heard; community staff see it in the management page's drawer.
 *
 * Screenshots: tests/e2e/screenshots/voice-*.png (the form at phone size, in elder mode, the
 * handler's page, the drawer at desk size).
 */
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { signInAtDesk } from './support/desk';
import { DESK, phoneHost } from './support/host';
import { openPhone, signedInPhone } from './support/phones';
import { wholePhonePage, SHOTS } from './support/screenshots';
import { button, ui, words } from './support/taro';

const host = phoneHost({ JINLIN_DEMO_RESIDENTS: '60', JINLIN_DEMO_REPORTS: '0' }, { browserArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
const { call, signIn } = api(() => host.url);

/** Holds a finger on the element for `ms`, as a person holds 按住说话 (CDP touch events: Playwright taps only). */
async function holdDown(page: Page, selector: string, ms: number, slideUp = 0) {
  const box = (await ui(page).locator(selector).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(ms);
  if (slideUp) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - slideUp }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function toVoiceStep(page: Page) {
  await page.goto(`${host.url}/pages/report/new`);
  await ui(page).getByText('遇到了什么问题？').waitFor();
  await ui(page).getByText('电梯故障', { exact: true }).click();
  await ui(page).getByText('不方便打字？说给我们听').waitFor();
}

const isMp3 = (b: Uint8Array) => (b[0] === 0x49 && b[1] === 0x44 && b[2] === 0x33) || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0);

it('records a voice note in the h5 form, files it without words, and the handler plays it', async () => {
  const resident = await signedInPhone(host.browser, host.url, 'jumin', '孙福贵');
  // The encoder is not part of the form's first load: it arrives with the first 按住说话.
  const scripts: string[] = [];
  resident.on('response', (r) => void (r.url().endsWith('.js') && scripts.push(r.url())));
  await toVoiceStep(resident);
  expect(scripts.filter((s) => /lamejs/.test(s))).toEqual([]);

  // Slid up before releasing: cancelled, nothing kept.
  await holdDown(resident, '.voice-note__hold', 1500, 120);
  await ui(resident).getByText('按住说话', { exact: true }).waitFor();
  expect(await words(resident)).not.toContain('语音已录好');
  expect(scripts.filter((s) => /lamejs/.test(s))).toHaveLength(1);

  // Held for about 3 seconds and released: kept, uploaded, and it plays back.
  const uploaded = resident.waitForResponse((r) => r.url().endsWith('/api/voices'));
  await holdDown(resident, '.voice-note__hold', 3200);
  const up = await (await uploaded).json();
  expect(up).toMatchObject({ ok: true, data: { id: expect.stringMatching(/^voc_/) } });
  expect(up.data.seconds).toBeGreaterThanOrEqual(2);
  expect(up.data.seconds).toBeLessThanOrEqual(4);
  await ui(resident).getByText('语音已录好，提交时一起发送').waitFor();
  await ui(resident).getByText(/^试听语音 \d 秒$/).click();
  await ui(resident).getByText(/^停止播放/).waitFor();
  await ui(resident).getByText(/^停止播放/).click();
  await wholePhonePage(resident, 'voice-01-form-recorded.png');

  // No words: a voice note and a category are a report.
  await button(resident, '提交反映').click();
  await resident.waitForURL(/\/pages\/report\/detail\?id=/);
  const reportId = new URL(resident.url()).searchParams.get('id')!;
  await ui(resident).getByText(/^播放语音 \d 秒$/).waitFor();
  expect(await words(resident)).toContain(`语音 ${up.data.seconds} 秒`);

  // What is stored is an MP3, byte for byte what the page encoded.
  const wuye = await signIn('wuye');
  const seen = await call('reports', 'detail', { id: reportId }, { token: wuye });
  expect(seen.voice).toMatchObject({ url: `/files/${up.data.id}`, type: 'audio/mpeg', seconds: up.data.seconds });
  const file = await fetch(`${host.url}${seen.voice.url}`);
  expect(file.headers.get('content-type')).toBe('audio/mpeg');
  const bytes = new Uint8Array(await file.arrayBuffer());
  expect(isMp3(bytes)).toBe(true);
  expect(bytes.length).toBeGreaterThan(8_000);

  // The handler plays it on his report page (the browser fetches the stored file) and types what he heard.
  const handler = await signedInPhone(host.browser, host.url, 'wuye', '陈强');
  await handler.goto(`${host.url}/handler/report/index?id=${reportId}`);
  const fetched = handler.waitForResponse((r) => r.url().includes(`/files/${up.data.id}`) && r.status() < 300);
  await ui(handler).getByText(/^播放语音 \d 秒$/).click();
  expect((await fetched).headers()['content-type']).toBe('audio/mpeg');
  await ui(handler).getByText(/^停止播放/).waitFor();
  expect(await words(handler)).not.toContain('语音没能播放');
  await ui(handler).getByText(/^停止播放/).click();
  await ui(handler).getByText('写下语音内容', { exact: true }).click();
  await ui(handler).getByRole('textbox', { name: /例如：3单元电梯停在5楼/ }).fill('3单元电梯停在5楼，按了没反应');
  await button(handler, '确定写下语音内容').click();
  await ui(handler).getByText('听了语音，补充了文字描述').waitFor();
  await wholePhonePage(handler, 'voice-02-handler.png');

  // Community staff hear it in the drawer, at a desk.
  const desk = await host.browser.newContext({ viewport: DESK, locale: 'zh-CN' });
  const page = await desk.newPage();
  await signInAtDesk(page, host.url, 'shequ', '张伟');
  await page.goto(`${host.url}/admin/desk?report=${reportId}`);
  const drawer = page.locator('.report-drawer');
  await drawer.getByTestId('report-description').filter({ hasText: '3单元电梯停在5楼，按了没反应' }).waitFor();
  const player = drawer.getByTestId('report-voice').locator('audio');
  expect(await player.getAttribute('src')).toBe(`/files/${up.data.id}`);
  // The browser's own player loads and knows the length once asked.
  const duration = await player.evaluate(
    (a: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        a.preload = 'metadata';
        a.onloadedmetadata = () => resolve(a.duration);
        a.onerror = () => reject(new Error(`audio error ${a.error?.code}`));
        a.load();
      }),
  );
  expect(duration).toBeGreaterThan(1.5);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${SHOTS}/voice-04-drawer-desk.png` });
  await desk.close();
});

it('shows 按住说话 in elder mode, big enough to hold', async () => {
  const page = await openPhone(host.browser, { 'jinlin.elderMode': true });
  await page.goto(`${host.url}/`);
  await ui(page).getByRole('textbox', { name: '请输入账号' }).fill('jumin');
  await ui(page).getByRole('textbox', { name: '请输入密码' }).fill('demo1234');
  await button(page, '登录').click();
  await ui(page).getByText('您好，孙福贵').waitFor();
  await toVoiceStep(page);
  const hold = ui(page).locator('.voice-note__hold');
  const box = (await hold.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(60);
  const size = await hold.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  await hold.scrollIntoViewIfNeeded();
  await wholePhonePage(page, 'voice-03-form-elder.png');
});
