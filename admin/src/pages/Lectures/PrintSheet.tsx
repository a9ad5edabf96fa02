/**
 * The printable sign-in sheet (签到表): who has a seat, with an empty box to tick at the door for
 * people without phones (ticks are entered on the roster afterwards), then the waiting list in order.
 * Shown only when printing (global.css: .print-only).
 */
import type { LectureRoster } from '../../api';
import { formatChina } from '../../../../src/core/time';
import { lectureWhen } from './times';
import './roster.css';

export function PrintSheet({ roster }: { roster: LectureRoster }) {
  const { lecture } = roster;
  return (
    <div className="print-only lecture-sheet">
      <h1>{lecture.title} 签到表</h1>
      <div className="lecture-sheet-meta">
        {lectureWhen(lecture.startsAt, lecture.endsAt)} · {lecture.venue}
        {lecture.speaker ? ` · 主讲：${lecture.speaker.name}` : ''} · 报名 {roster.figures.signedUp} 人
      </div>
      <table>
        <thead>
          <tr>
            <th style={{ width: '12mm' }}>序号</th>
            <th style={{ width: '26mm' }}>姓名</th>
            <th style={{ width: '32mm' }}>电话</th>
            <th>住址</th>
            <th style={{ width: '14mm' }}>人数</th>
            <th className="tick">签到</th>
          </tr>
        </thead>
        <tbody>
          {roster.confirmed.map((e, i) => (
            <tr key={e.signupId}>
              <td>{i + 1}</td>
              <td>{e.person.name}</td>
              <td>{e.person.phone ?? ''}</td>
              <td>{e.home ?? ''}</td>
              <td>{e.seats}</td>
              <td className="tick">{e.attendedAt ? `✓ ${formatChina(e.attendedAt, 'HH:mm')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {roster.waiting.length > 0 && (
        <>
          <h2>候补（按顺序）</h2>
          <table>
            <thead>
              <tr>
                <th style={{ width: '12mm' }}>顺位</th>
                <th style={{ width: '26mm' }}>姓名</th>
                <th style={{ width: '32mm' }}>电话</th>
                <th>住址</th>
                <th style={{ width: '14mm' }}>人数</th>
              </tr>
            </thead>
            <tbody>
              {roster.waiting.map((e) => (
                <tr key={e.signupId}>
                  <td>{e.place}</td>
                  <td>{e.person.name}</td>
                  <td>{e.person.phone ?? ''}</td>
                  <td>{e.home ?? ''}</td>
                  <td>{e.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
