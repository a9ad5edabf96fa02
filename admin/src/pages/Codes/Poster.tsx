import { Alert, Button, Flex, Result, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { CodeImageView, CodePurpose, CodeView } from '../../api';
import { CODE_PURPOSE_DOES, CODE_PURPOSE_LABEL } from '../../core';
import { useFailure } from '../../feedback';
import { navigate, posterCodeId, useSearch } from '../../router';
import { posterValidityText } from './validity';
import './poster.css';

/** The three steps under the code, in the words of the flow it starts. */
const SCAN = ['打开微信“扫一扫”', '扫描上面的码'];
const STEPS: Record<CodePurpose, string[]> = {
  building: [...SCAN, '填写姓名、电话和门牌，等楼栋长审核'],
  // Its own person, with their own name, is let in at once (a personal code is approved by itself).
  personal: [...SCAN, '填写本人姓名、电话和门牌，提交后就能使用'],
  member: [...SCAN, '填写报到信息，等党支部审核'],
  venue: [...SCAN, '核对姓名，完成签到'],
  public: [...SCAN, '查看本小区的公开信息'],
};

/**
 * Set only while a poster is shown, and removed with it: global.css prints the agenda sheet on
 * landscape A4, and a later rule in the document wins.
 */
const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm; }';

/** "张*华": whose personal code it is, readable by them, not by every passer-by. */
function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** "abcd efgh jkmn": the id in fours, for typing it in when a phone cannot scan. */
function grouped(id: string): string {
  return id.replace(/(.{4})(?=.)/g, '$1 ');
}

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'missing' }
  | { status: 'unusable'; code: CodeView }
  | { status: 'ready'; code: CodeView; image: CodeImageView };

/** 海报: one code on one printable A4 page. */
export default function PosterPage() {
  const fail = useFailure();
  const search = useSearch();
  const codeId = posterCodeId();
  const unitId = new URLSearchParams(search).get('unit');
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    if (!codeId || !unitId) {
      setState({ status: 'missing' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const listed = await api.codes.list({ unitId });
      const code = listed.codes.find((c) => c.id === codeId);
      if (!code) return { status: 'missing' } as const;
      if (code.status !== 'active' && code.status !== 'not_yet_valid') return { status: 'unusable', code } as const;
      // The image is drawn once and kept by the server; asking again only reads it back.
      const image = await api.codes.image({ id: code.id });
      return { status: 'ready', code, image } as const;
    })().then(
      (s) => live && setState(s),
      (e) => {
        const err = fail(e);
        if (live) setState({ status: 'failed', message: err?.message ?? '海报没有打开，请回到码列表重试' });
      },
    );
    return () => {
      live = false;
    };
  }, [codeId, unitId, fail]);

  const back = () => navigate('codes', { search: unitId ? new URLSearchParams({ unit: unitId }).toString() : undefined });
  const backButton = (
    <Button icon={<ArrowLeftOutlined />} onClick={back}>
      回到码列表
    </Button>
  );

  if (state.status === 'loading') {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (state.status === 'missing') return <Result status="404" title="没有找到这个码" subTitle="请回到码列表，从要打印的码那一行点“海报”" extra={backButton} />;
  if (state.status === 'failed') return <Result status="error" title="海报没有打开" subTitle={state.message} extra={backButton} />;
  if (state.status === 'unusable') {
    return (
      <Result
        status="warning"
        title={`这个码${state.code.statusLabel}，不能再打印海报`}
        subTitle={state.code.revokeReason ? `作废原因：${state.code.revokeReason}` : '扫这个码会提示不能使用。需要时请重新生成一个码。'}
        extra={backButton}
      />
    );
  }

  const { code, image } = state;
  // The trail runs from the community down to the unit: the unit's own name is printed large below it.
  const above = code.trail.endsWith(code.unit.name) ? code.trail.slice(0, -code.unit.name.length).trim() : code.trail;

  return (
    <>
      <style>{PAGE_RULE}</style>
      <Flex className="poster-toolbar no-print" gap={12} align="center" wrap>
        {backButton}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Typography.Text type="secondary">用 A4 纸纵向打印，一张一个码；贴在显眼处，不要被遮挡</Typography.Text>
      </Flex>
      {code.status === 'not_yet_valid' && (
        <Alert className="no-print" type="info" showIcon style={{ marginBottom: 16 }} title={`这个码还没到启用时间，扫码会提示“请到时再扫”。${posterValidityText(code)}`} />
      )}
      <article className="poster-sheet" data-testid="poster" aria-label={`${code.purposeLabel}海报`}>
        <div className="poster-body">
          <header>
            {above && <div className="poster-trail">{above}</div>}
            <div className="poster-unit">{code.unit.name}</div>
            <div className="poster-purpose">{CODE_PURPOSE_LABEL[code.purpose]}</div>
            <div className="poster-does">{CODE_PURPOSE_DOES[code.purpose]}</div>
          </header>
          <img className="poster-image" src={image.dataUrl} alt={`${code.purposeLabel}：用微信扫一扫`} data-testid="poster-image" />
          <ol className="poster-steps">
            {STEPS[code.purpose].map((s, i) => (
              <li key={s} className="poster-step">
                <span className="poster-step-no" aria-hidden>
                  {i + 1}
                </span>
                <span>{s}</span>
              </li>
            ))}
          </ol>
          <footer className="poster-foot">
            {code.label && <div className="poster-label">{code.label}</div>}
            {code.person && <div className="poster-label">{maskName(code.person.name)} 本人专用 · 只能用一次</div>}
            <div className="poster-validity">{posterValidityText(code)}</div>
            <div className="poster-id">码号 {grouped(code.id)}</div>
          </footer>
        </div>
      </article>
    </>
  );
}
