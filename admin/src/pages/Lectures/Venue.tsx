/**
 * The venue screen (现场签到码), `lectures/venue?id=<lecture>`: for a projector or a screen at the
 * door. It shows the lecture's rotating code full-window and asks for a new one before the shown one
 * expires; attendees scan it with the mini-program. A photo of it posted in a group stops working
 * within minutes (see cloudfunctions/lib/actions/lectures/venue-code.ts).
 */
import { Button } from 'antd';
import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { ApiError, api, isAuthLost } from '../../api';
import type { LectureRoster, VenueCodeView } from '../../api';
import { formatChina } from '../../../../src/core/time';
import { navigate, useSearch } from '../../router';
import { lectureWhen } from './times';
import './venue.css';

/** Asked again this long before the shown code's period ends (the code also holds for the period after, so a late answer still works). */
const EARLY_MS = 20_000;
/** After a failure (the window not open yet, a network blip), the next try. */
const RETRY_MS = 30_000;

/**
 * When to ask for the next code. The browser's clock may disagree with the server's (a desk PC set
 * by hand): the wait is kept within one rotation, never below a few seconds.
 */
export function nextDrawIn(v: Pick<VenueCodeView, 'rotatesAt' | 'rotateEveryMs'>, browserNow: number): number {
  const wait = v.rotatesAt - browserNow - EARLY_MS;
  return Math.min(Math.max(wait, 5_000), v.rotateEveryMs - EARLY_MS);
}

type State = { status: 'loading' } | { status: 'shown'; code: VenueCodeView; image: string } | { status: 'waiting'; message: string; fatal: boolean };

export default function VenuePage() {
  const id = new URLSearchParams(useSearch()).get('id');
  const [lecture, setLecture] = useState<LectureRoster['lecture'] | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [full, setFull] = useState(() => !!document.fullscreenElement);

  useEffect(() => {
    if (!id) return;
    api.lectures.roster({ id }).then((r) => setLecture(r.lecture), () => undefined);
  }, [id]);

  useEffect(() => {
    if (!id) {
      setState({ status: 'waiting', message: '没有指定讲座，请从讲座名单打开现场签到码', fatal: true });
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = async () => {
      let wait = RETRY_MS;
      try {
        const code = await api.lectures.venueCode({ id });
        const image = await QRCode.toDataURL(code.code, { errorCorrectionLevel: 'M', margin: 2, width: 720 });
        if (!live) return;
        setState({ status: 'shown', code, image });
        wait = nextDrawIn(code, Date.now());
      } catch (e) {
        if (!live || isAuthLost(e)) return;
        const fatal = e instanceof ApiError && ['LECTURE.CANCELLED', 'LECTURE.NOT_FOUND', 'ATTENDANCE.CLOSED', 'AUTH.FORBIDDEN'].includes(e.code);
        setState({ status: 'waiting', message: e instanceof ApiError ? e.message : '现场签到码没有取到，稍后自动重试', fatal });
        if (fatal) return;
      }
      if (live) timer = setTimeout(() => void draw(), wait);
    };
    void draw();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);

  useEffect(() => {
    const update = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);

  const toggleFull = () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);
  const leave = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate(id ? 'lectures/roster' : 'lectures', id ? { search: `id=${encodeURIComponent(id)}` } : {});
  };

  return (
    <div className="venue-screen" data-testid="venue-screen">
      <div className="venue-tools">
        <Button icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleFull}>
          {full ? '退出全屏' : '全屏'}
        </Button>
        <Button icon={<ArrowLeftOutlined />} onClick={leave}>
          返回名单
        </Button>
      </div>
      {lecture && <div className="venue-title">{lecture.title}</div>}
      {lecture && (
        <div className="venue-meta">
          {lectureWhen(lecture.startsAt, lecture.endsAt)} · {lecture.venue}
        </div>
      )}
      {state.status === 'shown' ? (
        <>
          <img className="venue-code" src={state.image} alt="现场签到码" data-testid="venue-code" data-code={state.code.code} />
          <div className="venue-how">打开“近邻”小程序，用扫码签到扫描上面的码</div>
          <div className="venue-note">
            签到码每 {Math.round(state.code.rotateEveryMs / 60_000)} 分钟自动更新，转发的照片会很快失效 · 签到开放到 {formatChina(state.code.closesAt, 'HH:mm')} · 没有手机的居民请找工作人员登记
          </div>
        </>
      ) : state.status === 'waiting' ? (
        <div className="venue-how" data-testid="venue-waiting">
          {state.message}
          {!state.fatal && <div className="venue-note">到时会自动显示，不用刷新</div>}
        </div>
      ) : (
        <div className="venue-note">正在取签到码…</div>
      )}
    </div>
  );
}
