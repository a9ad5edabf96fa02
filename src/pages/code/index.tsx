/**
 * The page every code opens (CODE_PAGE): 楼栋码, 报到码, 签到码, 公开码, 个人码. A mini-program
 * code carries its id as `scene`, which WeChat hands over URL-encoded; the local h5 link carries
 * it as `?scene=`. Opened without one, it asks for the code's number. It shows what the code is
 * for and where, or why it cannot be used and the way forward; no sign-in is needed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ResolvedCode as Resolved } from '../../core/api';
import { isCodeId, normaliseCodeId } from '../../core/codes';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { resolveCode } from '../../services/codes';
import { readParam } from '../../utils/nav';
import { CodeForm } from './CodeForm';
import { FORWARD_LABEL, MALFORMED_SCENE, refusalOf, type Refusal } from './refusal';
import { ResolvedCode } from './ResolvedCode';
import { Screen } from '../../components/Screen';
import './index.scss';

type State =
  | { status: 'asking' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; code: Resolved }
  | { status: 'refused'; id: string; refusal: Refusal; typing: boolean };

/** "3k7m9p2xc4hd" → "3k7m 9p2x c4hd": easier to read out to the building lead. */
const spaced = (id: string) => id.replace(/(.{4})(?=.)/g, '$1 ');

export default function CodePage() {
  const router = useRouter();
  // Decoded once: WeChat passes a wxacode's scene encoded, and Taro's h5 router leaves the query raw.
  const scene = normaliseCodeId(readParam(router.params?.scene) ?? '');
  const [state, setState] = useState<State>(scene ? { status: 'loading', id: scene } : { status: 'asking' });
  // Only the latest look may settle the page (a retry tapped while an earlier answer is on its way).
  const latest = useRef(0);

  const look = useCallback(async (id: string) => {
    const turn = ++latest.current;
    setState({ status: 'loading', id });
    const result = await resolveCode(id);
    if (turn !== latest.current) return;
    if (result.ok) setState({ status: 'ready', code: result.data });
    else setState({ status: 'refused', id, refusal: refusalOf(result), typing: false });
  }, []);

  useEffect(() => {
    if (!scene) return;
    if (isCodeId(scene)) void look(scene);
    else setState({ status: 'refused', id: scene, refusal: MALFORMED_SCENE, typing: false });
    return () => {
      latest.current += 1;
    };
    // The scene is read once, when the page opens; later looks are the person's.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  if (state.status === 'loading') return <Loading text='正在查看这个码…' />;

  if (state.status === 'asking') {
    return (
      <Screen className='code-page'>
        <Text className='code-page__title page-title'>查看一个码</Text>
        <Text className='code-page__lead'>用微信扫楼栋、小区门口或讲堂的码，会直接打开这一页。没有扫码时，可以在这里输入码的编号。</Text>
        <CodeForm onLook={(id) => void look(id)} />
      </Screen>
    );
  }

  if (state.status === 'ready') {
    return (
      <Screen className='code-page'>
        <ResolvedCode code={state.code} />
      </Screen>
    );
  }

  const { id, refusal, typing } = state;
  const showForm = typing || refusal.forward === 'type';
  return (
    <Screen className='code-page'>
      <View className='card code code--refused'>
        <Text className='code__status code__status--refused'>{`✕ ${refusal.status}`}</Text>
        <Text className='code__title page-title'>{refusal.title}</Text>
        <Text className='code__message'>{refusal.message}</Text>
        <Text className='code__id'>{`码的编号：${spaced(id)}`}</Text>
      </View>
      {refusal.forward === 'retry' && (
        <Button className='code__action' type='primary' size='large' block onClick={() => void look(id)}>
          {FORWARD_LABEL.retry}
        </Button>
      )}
      {refusal.forward === 'ask' && !typing && (
        <Button className='code__action code__action--plain' size='large' block onClick={() => setState({ ...state, typing: true })}>
          {FORWARD_LABEL.ask}
        </Button>
      )}
      {showForm && <CodeForm onLook={(typed) => void look(typed)} />}
    </Screen>
  );
}
