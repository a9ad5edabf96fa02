/**
 * 回音壁: a compound's resolved reports of a month, as residents read them on the public page (the
 * server anonymises them: reports.echoWall), laid out as A4 sheets for the notice board. Pick the
 * compound and the month, check the sheet on screen, print. Sizes are in millimetres so the sheet on
 * screen is the sheet on paper; a long month runs onto more sheets, an entry never split across two.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Empty, Flex, Result, Select, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { Outputs } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { useUnits } from '../../units';
import './echo.css';

type Wall = Outputs['reports']['echoWall'];

/**
 * Set only while the page is shown, and removed with it: global.css prints the agenda sheet on
 * landscape A4, and a later rule in the document wins.
 */
const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm; }';

/** '2026-11' → '2026年11月'. */
export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export default function EchoWallPage() {
  const { units } = useUnits();
  const compounds = useMemo(() => (units ?? []).filter((u) => u.kind === 'compound' && !u.archived), [units]);
  const [compoundId, setCompoundId] = useState<string | undefined>();
  const [month, setMonth] = useState<string | undefined>();
  useEffect(() => {
    if (!compoundId && compounds.length) setCompoundId(compounds[0].id);
  }, [compounds, compoundId]);
  const { data: wall, error } = useLoaded(compoundId ? () => api.reports.echoWall({ compoundId, ...(month ? { month } : {}) }) : null, [compoundId, month]);

  if (units && compounds.length === 0) return <Result status="info" title="您管理的范围里没有小区" subTitle="回音壁按小区公示：请在“单位与人员”里先建小区" />;
  return (
    <>
      <style>{PAGE_RULE}</style>
      <Flex vertical gap={12} className="no-print" style={{ marginBottom: 16 }}>
        <PageHeader title="回音壁" hint="小区每月办结的反映，不含姓名、电话和门牌；A4 纸纵向打印，贴在小区公告栏" wrap>
          <Select
            aria-label="小区"
            style={{ minWidth: 180 }}
            value={compoundId}
            onChange={(v) => {
              setCompoundId(v);
              setMonth(undefined);
            }}
            options={compounds.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="选小区"
          />
          <Select
            aria-label="月份"
            style={{ minWidth: 150 }}
            value={wall?.month ?? month}
            onChange={setMonth}
            options={(wall?.months ?? []).map((m) => ({ value: m.month, label: `${monthLabel(m.month)}（${m.count} 件）` }))}
            placeholder="月份"
          />
          <Button type="primary" icon={<PrinterOutlined />} disabled={!wall} onClick={() => window.print()}>
            打印
          </Button>
        </PageHeader>
        <Typography.Text type="secondary">居民在小程序里扫小区的公开码，或在楼栋群里打开分享的回音壁，看到的是同样的内容。照片只在居民同意公开时才有。</Typography.Text>
      </Flex>
      {error ? (
        <Result status="error" title="回音壁没有打开" subTitle={error} />
      ) : !wall ? (
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin size="large" />
        </Flex>
      ) : (
        <Sheet wall={wall} />
      )}
    </>
  );
}

function Sheet({ wall }: { wall: Wall }) {
  const { tally } = wall;
  return (
    <article className="echo-sheet" data-testid="echo-sheet" aria-label={`${wall.compound.name}${monthLabel(wall.month)}回音壁`}>
      <header className="echo-head">
        <div className="echo-trail">{wall.trail}</div>
        <h1 className="echo-title">{`回音壁 · ${monthLabel(wall.month)}`}</h1>
        <div className="echo-say">每个月居民们反映的问题和解决落实情况都有回应</div>
        <div className="echo-tally" data-testid="echo-tally">
          {wall.total === 0 ? '本月还没有办结的反映' : `办结 ${wall.total} 件 · 按时 ${tally.onTime} 件${tally.rated ? ` · 满意 ${tally.satisfied} / ${tally.rated} 件已评价` : ''}`}
        </div>
      </header>
      {wall.entries.length === 0 ? (
        <Empty description="这个月没有办结的反映" />
      ) : (
        <ol className="echo-list">
          {wall.entries.map((e) => (
            <li key={e.key} className="echo-entry">
              <div className="echo-entry-head">
                <span className="echo-category">{`${e.icon} ${e.categoryName}`}</span>
                <span className="echo-place">{e.place}</span>
              </div>
              <p className="echo-line">
                <b>反映：</b>
                {e.reported}
              </p>
              <p className="echo-line">
                <b>办理：</b>
                {e.done}
              </p>
              {e.photos.length > 0 && (
                <div className="echo-photos">
                  {e.photos.slice(0, 3).map((p, i) => (
                    <img key={p} src={p} alt={`照片 ${i + 1}`} />
                  ))}
                </div>
              )}
              <div className="echo-facts">
                <span>{`用时 ${e.took}`}</span>
                <span className={e.onTime ? 'echo-ok' : 'echo-late'}>{e.onTime ? '✓ 按时办结' : '⚠ 超时办结'}</span>
                <span>{`评价：${e.ratingLabel}`}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {wall.total > wall.entries.length && <p className="echo-more">{`本页列出前 ${wall.entries.length} 件，全部 ${wall.total} 件可在近邻小程序的回音壁查看。`}</p>}
    </article>
  );
}
