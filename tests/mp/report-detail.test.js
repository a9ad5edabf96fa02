/**
 * A report's detail page as the built mini-program renders it for its resident, answered by the
 * real actions' bodies: the noise report 孙福贵 filed, escalated to the compound when the building
 * lead's day ran out, then resolved there by 刘芳.
 */
const { loadPage, until } = require('./support/load-page');
const { cloud, captured, ok } = require('./support/cloud');

const { escalated, resolved, rated } = captured;
const named = (page, selector, words) => page.querySelectorAll(selector).find((n) => n.dom.textContent.trim() === words);
const button = (page, words) => named(page, '.nut-button-children, .nut-button', words);

function openDetail(report, routes = {}) {
  return loadPage('pages/report/detail', { query: { id: report.id }, answer: cloud({ 'reports.detail': ok(report), ...routes }) });
}

/** Timeline entries top to bottom as "label · who". */
const timeline = (page) =>
  page.querySelectorAll('.tl__body').map((n) => {
    const label = n.dom.querySelector('[class$="tl__label"]').textContent;
    const who = n.dom.querySelector('[class$="tl__meta"]').textContent.split(' · ')[0];
    return `${label} · ${who}`;
  });

describe('the report detail in the built mini-program', () => {
  it('asks reports.detail for the report in the page query', async () => {
    const page = openDetail(escalated);
    await until(() => page.text().includes('噪音扰民'));

    expect(page.calls).toEqual([{ name: 'reports', action: 'detail', data: { id: escalated.id } }]);
  });

  describe('while it is open at the compound', () => {
    it('shows what, where, the next step, who is on it and by when, newest event first', async () => {
      const page = openDetail(escalated);
      await until(() => page.text().includes('下一步'));
      const text = page.text();

      expect(text).toContain('噪音扰民');
      expect(text).toContain('待响应');
      expect(text).toContain('楼上每天半夜装修，吵得睡不着');
      expect(text).toContain('幸福里小区 1号楼');
      expect(text).toContain('2单元 502');
      expect(text).toContain(`下一步${escalated.nextStep}`);
      expect(escalated.nextStep).toContain('刘芳');
      expect(text).toContain('谁在办刘芳（小区党支部书记）');
      expect(text).toMatch(/办理时限：(\d{4}年)?11月24日 13:00 前响应/);
      // The timer's breach and the escalation it caused read as one entry.
      expect(timeline(page.page)).toEqual(['上报到小区 · 系统', '已响应 · 赵桂兰', '提交反映 · 孙福贵']);
      expect(text).toContain('超过楼栋办理时限，自动上报');
      expect(text).toContain('已联系502住户，今晚上门看看');
      // Nothing to rate yet, and no raw codes.
      expect(text).not.toContain('提交评价');
      expect(text).not.toMatch(/compound|submitted|rep_/);
    });

    it('calls the handler from 📞 打电话', async () => {
      const page = openDetail(escalated);
      await until(() => page.text().includes('打电话'));

      named(page.page, '.rb__call', '📞 打电话').dispatchEvent('tap');
      await until(() => global.wx.makePhoneCall.mock.calls.length > 0);

      expect(global.wx.makePhoneCall.mock.calls[0][0]).toMatchObject({ phoneNumber: escalated.handler.phone });
    });
  });

  describe('once it is resolved', () => {
    it('asks the resident to rate it with three big choices, or to say it is not fixed', async () => {
      const page = openDetail(resolved);
      await until(() => page.text().includes('请您评价'));
      const text = page.text();

      expect(text).toContain('已办结待评价');
      expect(text).toContain(resolved.nextStep);
      expect(page.page.querySelectorAll('.choices__text').map((n) => n.dom.textContent)).toEqual(['😊 满意', '🙂 基本满意', '😞 不满意']);
      expect(text).toContain('提交评价');
      expect(text).toContain('问题还没解决');
      expect(timeline(page.page)[0]).toBe('办结 · 刘芳');
      expect(text).toContain('已和502住户谈好，晚上8点后不再施工');
      // The deadline is over once it is resolved; no phone button either.
      expect(text).not.toContain('办理时限：');
      expect(text).not.toContain('打电话');
    });

    it('asks for a choice before sending a rating', async () => {
      const page = openDetail(resolved, { 'reports.rate': ok(rated) });
      await until(() => page.text().includes('提交评价'));

      button(page.page, '提交评价').dispatchEvent('tap');
      await until(() => page.text().includes('请先点选'));

      expect(page.text()).toContain('请先点选 满意、基本满意 或 不满意');
      expect(page.calls.map((c) => c.action)).toEqual(['detail']);
    });

    it('sends 满意 with the version read, then shows the closed report and thanks the resident', async () => {
      const page = openDetail(resolved, { 'reports.rate': ok(rated) });
      await until(() => page.text().includes('提交评价'));

      named(page.page, '.choices__text', '😊 满意').dispatchEvent('tap');
      await until(() => page.text().includes('✓ 😊 满意'));
      button(page.page, '提交评价').dispatchEvent('tap');
      await until(() => page.text().includes('已关闭'));

      expect(page.calls[1]).toEqual({ name: 'reports', action: 'rate', data: { id: resolved.id, version: resolved.version, rating: 'satisfied' } });
      const text = page.text();
      expect(text).toContain('谢谢您的评价');
      expect(text).toContain('居民评价满意');
      expect(text).not.toContain('提交评价');
      expect(timeline(page.page)[0]).toBe('居民评价 · 孙福贵');
    });

    it('opens a box for what is still wrong when the resident says it is not fixed', async () => {
      const page = openDetail(resolved);
      await until(() => page.text().includes('问题还没解决'));

      button(page.page, '问题还没解决').dispatchEvent('tap');
      await until(() => page.text().includes('还有什么问题'));

      expect(page.text()).toContain('提交，请重新办理');
      expect(page.text()).not.toContain('提交评价');
    });
  });
});
