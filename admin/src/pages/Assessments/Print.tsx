/**
 * 测评公示: one compound's month on one A4 sheet for the notice board — the month, the compound, the
 * flag as a large picture and word (红旗 / 黄旗, or 不评旗 and why), the company and its phone, the
 * combined score, the figures behind it and the survey's questions, and who published it. Read from a
 * metre away by residents of 70 and more: sizes in millimetres, so the sheet on screen is the sheet on
 * paper. Opened in its own tab from the month's table (?id=<compound>:<month>); a month not yet
 * published prints with a 未发布 stamp, for review only.
 */
import { Button, Flex, Result, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { AssessmentView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { navigate, useSearch } from '../../router';
import type { ScorePart } from '../../../../src/core/assessment';
import { formatChina } from '../../../../src/core/time';
import { figureLines, questionLines, scoreText } from './figures';
import { FLAG_MEANING, NO_FLAG_WORD, flagIcon } from './FlagMark';
import './print.css';

/**
 * Set only while the notice is shown, and removed with it: global.css prints the agenda sheet on
 * landscape A4, and a later rule in the document wins.
 */
const PAGE_RULE = '@page { size: A4 portrait; margin: 12mm; }';

const day = (t: number) => formatChina(t, 'YYYY年M月D日');

/** A part's share of the score as it was counted: a part without data drops out and the others count for it. */
const share = (a: AssessmentView, k: ScorePart) => (a.result.parts[k].value === null ? '不计（无数据）' : `${Math.round(a.result.parts[k].weight * 100)}%`);

export default function AssessmentPrintPage() {
  const search = useSearch();
  const id = new URLSearchParams(search).get('id');
  const { data: a, error } = useLoaded(id ? () => api.assessments.detail({ id }) : null, [id]);
  const back = (
    <Button onClick={() => navigate('assessments', { search: a ? new URLSearchParams({ month: a.month }).toString() : undefined })}>回到月度测评</Button>
  );

  if (!id) return <Result status="404" title="没有指定要打印的测评" subTitle="请在“月度测评”的表里，从要打印的小区那一行点“打印”" extra={back} />;
  if (error) return <Result status="error" title="测评公示没有打开" subTitle={error} extra={back} />;
  if (!a) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  return (
    <>
      <style>{PAGE_RULE}</style>
      <Flex vertical gap={12} className="no-print" style={{ marginBottom: 16 }}>
        <PageHeader title="测评公示" hint="A4 纸纵向打印，贴在小区公告栏" wrap>
          {back}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </PageHeader>
        {a.status !== 'published' && (
          <Typography.Text type="warning" data-testid="draft-note">
            这个月还没有发布：打印出来的公示上印着“未发布”，只供核对，不要张贴。发布后再打印。
          </Typography.Text>
        )}
      </Flex>
      <Notice a={a} />
    </>
  );
}

function Notice({ a }: { a: AssessmentView }) {
  const tone = a.flag ?? 'none';
  const lines = figureLines(a);
  // The trail runs from the community down to the compound: the compound's own name is printed large below it.
  const above = a.trail.endsWith(a.compound.name) ? a.trail.slice(0, -a.compound.name.length).trim() : a.trail;
  return (
    <article className={`notice-sheet notice--${tone}`} data-testid="notice" aria-label={`${a.compound.name}${a.monthLabel}物业测评公示`}>
      {a.status !== 'published' && (
        <div className="notice-stamp" aria-hidden>
          未发布
        </div>
      )}
      <header className="notice-head">
        {above && <div className="notice-trail">{above}</div>}
        <div className="notice-compound">{a.compound.name}</div>
        <h1 className="notice-title">{a.monthLabel}物业服务测评公示</h1>
      </header>
      <section className="notice-flag" data-testid="notice-flag" data-flag={tone}>
        <span className="notice-flag-icon" aria-hidden>
          {flagIcon(a.flag)}
        </span>
        <div>
          <div className="notice-flag-word">{a.flagLabel ?? NO_FLAG_WORD}</div>
          <div className="notice-flag-meaning">{a.flag ? FLAG_MEANING[a.flag] : (a.noFlagText ?? '这个月的数据不够，不评红旗黄旗')}</div>
        </div>
      </section>
      <div className="notice-company">
        物业公司：{a.company.name}
        {a.company.contactPhone && <span className="notice-phone">电话 {a.company.contactPhone}</span>}
      </div>
      <div className="notice-score">
        综合得分 <strong>{scoreText(a.result.score)}</strong>
        <span className="notice-score-rule">（满分 100 分，{a.policy.redAt} 分及以上为红旗）</span>
      </div>
      <table className="notice-figures">
        <thead>
          <tr>
            <th>项目</th>
            <th>结果</th>
            <th>依据</th>
            <th>占得分</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} data-testid={`notice-${l.key}`}>
              <td>{l.label}</td>
              <td className="notice-value">{l.value}</td>
              <td>{l.basis}</td>
              <td>{share(a, l.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="notice-questions">
        <div className="notice-questions-title">住户问卷各项得分（{a.survey.answers} 户参加）</div>
        <div className="notice-question-row">
          {questionLines(a).map((q) => (
            <span key={q.id} className="notice-question">
              {q.label} <strong>{q.value}</strong>
            </span>
          ))}
        </div>
      </div>
      <footer className="notice-foot">
        <div>数字来自{a.monthLabel}本小区居民反映中由物业办理的部分和住户测评问卷，每户每月评一次。</div>
        <div className="notice-sign">
          {above ? `${above} ` : ''}
          {a.publishedAt ? `${day(a.publishedAt)}公布` : '尚未公布'}
        </div>
      </footer>
    </article>
  );
}
