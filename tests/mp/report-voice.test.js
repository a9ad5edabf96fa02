/**
 * 按住说话 in the built mini-program (#26): holding the button starts WeChat's recorder (MP3, 60 s
 * at most) and counts the seconds on it; sliding up says releasing cancels, and it does; too short a
 * press says so; a kept note is uploaded to cloud storage the photos' way, plays back with WeChat's
 * audio player, can be deleted, and files the report with no words.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, captured, ok } = require('./support/cloud');

const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const tapButton = (form, words) => named(form.page, '.nut-button-children, .nut-button', words).dispatchEvent('tap');
const hold = (form) => form.page.querySelector('.voice-note__hold');
// simulate takes a touch as { x, y } and hands the page WeChat's clientX / clientY.
const touch = (y) => ({ touches: [{ x: 100, y }], changedTouches: [{ x: 100, y }] });

/** WeChat's recorder: records the options it was started with; stop() ends it after `ms` of speech. */
function recorder() {
  const r = { started: [], stops: 0, ms: 7000, onStop: null, onError: null };
  r.manager = {
    onStop: (fn) => (r.onStop = fn),
    onError: (fn) => (r.onError = fn),
    start: jest.fn((opts) => r.started.push(opts)),
    stop: jest.fn(() => {
      r.stops += 1;
      const n = r.stops;
      setTimeout(() => r.onStop({ tempFilePath: `http://tmp/voice-${n}.mp3`, duration: r.ms, fileSize: Math.round(r.ms * 6) }), 0);
    }),
  };
  return r;
}

/** WeChat's audio player: what it was asked to play. */
function players() {
  const made = [];
  const create = jest.fn(() => {
    const p = { src: '', played: 0, stopped: 0, play: jest.fn(() => (p.played += 1)), stop: jest.fn(() => (p.stopped += 1)), destroy: jest.fn() };
    for (const on of ['onTimeUpdate', 'onEnded', 'onStop', 'onError', 'onPlay', 'onCanplay']) p[on] = jest.fn();
    made.push(p);
    return p;
  });
  return { made, create };
}

function openForm(rec, audio, routes = {}) {
  const form = loadPage('pages/report/new', {
    answer: cloud({ 'auth.whoAmI': ok(captured.whoAmI), 'reports.categories': ok(captured.categories), 'reports.similar': ok([]), ...routes }),
    wx: {
      getRecorderManager: () => rec.manager,
      createInnerAudioContext: audio.create,
      getStorageSync: () => '',
      setStorageSync: () => undefined,
      removeStorageSync: () => undefined,
      getNetworkType: (o = {}) => (o.success ? o.success({ networkType: 'wifi' }) : Promise.resolve({ networkType: 'wifi' })),
    },
  });
  global.wx.cloud.uploadFile = jest.fn(async ({ cloudPath }) => ({ fileID: `cloud://env/${cloudPath}`, errMsg: 'cloud.uploadFile:ok' }));
  return form;
}

async function pickLift(form) {
  await until(() => form.text().includes('电梯故障'));
  named(form.page, '.cats__name', '电梯故障').dispatchEvent('tap');
  await until(() => form.text().includes('第 2 步'));
}

describe('按住说话 on the report form', () => {
  it('records while held, says when sliding up will cancel, and cancels on release', async () => {
    const rec = recorder();
    const form = openForm(rec, players());
    await pickLift(form);
    expect(form.text()).toContain('按住说话');
    expect(form.text()).toContain('松开就录好了，最长 60 秒');

    hold(form).dispatchEvent('touchstart', touch(600));
    await until(() => form.text().includes('正在录音 0 秒 · 松开发送'));
    expect(rec.started).toEqual([{ duration: 60000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 }]);
    expect(form.text()).toContain('手指上滑可以取消');

    hold(form).dispatchEvent('touchmove', touch(480));
    await until(() => form.text().includes('松开手指，取消录音'));
    hold(form).dispatchEvent('touchend', touch(480));
    await until(() => form.text().includes('按住说话') && !form.text().includes('松开手指'));
    expect(rec.stops).toBe(1);
    expect(global.wx.cloud.uploadFile).not.toHaveBeenCalled();
    expect(form.text()).not.toContain('语音已录好');
  });

  it('says a press too short to be speech is too short, and keeps nothing', async () => {
    const rec = recorder();
    rec.ms = 400;
    const form = openForm(rec, players());
    await pickLift(form);
    hold(form).dispatchEvent('touchstart', touch(600));
    hold(form).dispatchEvent('touchend', touch(600));
    await until(() => form.text().includes('说话时间太短，请按住按钮说完再松开'));
    expect(global.wx.cloud.uploadFile).not.toHaveBeenCalled();
  });

  it('keeps a released note: uploads it as an mp3, plays it back, deletes it, and files a report with no words', async () => {
    const rec = recorder();
    const audio = players();
    const filed = { ...captured.create };
    const form = openForm(rec, audio, { 'reports.create': ok(filed) });
    await pickLift(form);

    hold(form).dispatchEvent('touchstart', touch(600));
    await until(() => form.text().includes('正在录音'));
    hold(form).dispatchEvent('touchend', touch(590));
    await until(() => form.text().includes('语音已录好，提交时一起发送'));
    const upload = global.wx.cloud.uploadFile.mock.calls[0][0];
    expect(upload.filePath).toBe('http://tmp/voice-1.mp3');
    expect(upload.cloudPath).toMatch(new RegExp(`^uploads/${captured.whoAmI.person.id}/[a-z0-9]+-[a-z0-9]+\\.mp3$`));
    expect(form.text()).toContain('试听语音 7 秒');

    named(form.page, '.voice-player__text', '试听语音 7 秒').dispatchEvent('tap');
    await until(() => audio.made.length === 1 && audio.made[0].played === 1);
    expect(audio.made[0].src).toBe('http://tmp/voice-1.mp3');
    await until(() => form.text().includes('停止播放'));

    named(form.page, '.voice-note__delete text, .voice-note__delete', '删除重录').dispatchEvent('tap');
    await until(() => form.text().includes('按住说话') && !form.text().includes('试听语音'));

    hold(form).dispatchEvent('touchstart', touch(600));
    await until(() => form.text().includes('正在录音'));
    hold(form).dispatchEvent('touchend', touch(600));
    await until(() => form.text().includes('语音已录好'));

    tapButton(form, '提交反映');
    await until(() => form.navigations.length > 0);
    const create = form.calls.find((c) => c.action === 'create');
    expect(create.data.voice).toBe(`cloud://env/${global.wx.cloud.uploadFile.mock.calls[1][0].cloudPath}`);
    expect(create.data.description).toBeUndefined();
    expect(create.data.category).toBe('lift');
  });
});
