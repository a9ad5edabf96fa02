/**
 * 我的信息: everything Jinlin keeps about the person, by kind, each with who besides them can see it,
 * then a copy to take (下载一份 in a browser, 发一份到消息 in the mini-program) and the ways to 更正
 * and 注销. Refreshed each time it shows, so a correction just made is read back.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OwnData, OwnDataSection } from '../../core/outputs/own-data';
import { formatDateTime } from '../../core/time';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { isSessionLost } from '../../services/api';
import { copyOwnData, ownData } from '../../services/own-data';
import { goToLogin, open } from '../../utils/nav';
import { ConsentCard } from '../ConsentCard';
import { copyVia, saveInBrowser } from '../copy';
import { entriesOf, KIND_ORDER } from '../lines';
import { MYDATA_PAGES } from '../urls';
import '../mydata.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: OwnData };

function Section({ kind, section }: { kind: (typeof KIND_ORDER)[number]; section: OwnDataSection<unknown> }) {
  const entries = entriesOf(kind, section.items as never[]);
  return (
    <View className='card mydata__section'>
      <Text className='section-title'>{section.label}</Text>
      <Text className='mydata__seen'>{`谁能看到：${section.seenBy}`}</Text>
      {entries.length === 0 && <Text className='mydata__none'>没有这类信息</Text>}
      {entries.map((e, i) => (
        <View key={i} className='mydata__entry'>
          <Text className='mydata__entry-title'>{e.title}</Text>
          {e.lines.map((l) => (
            <Text key={l} className='mydata__line'>
              {l}
            </Text>
          ))}
        </View>
      ))}
      {section.truncated && <Text className='mydata__none'>条数太多，这里只列出最近的一部分；完整的请看下载的副本。</Text>}
    </View>
  );
}

export default function MyData() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [copying, setCopying] = useState(false);
  const [copyNote, setCopyNote] = useState<{ error: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await ownData();
    if (result.ok) setState({ status: 'ready', data: result.data });
    else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const via = copyVia();
  const onCopy = async () => {
    if (copying) return;
    setCopying(true);
    setCopyNote(null);
    const result = await copyOwnData(via);
    setCopying(false);
    if (!result.ok) return setCopyNote({ error: true, text: result.message });
    const copy = result.data;
    if (copy.via === 'file') {
      saveInBrowser(copy);
      setCopyNote({ error: false, text: `已下载：${copy.fileName}` });
    } else {
      setCopyNote({ error: false, text: `已发到“消息”里，${formatDateTime(copy.expiresAt)} 前可以打开` });
    }
  };

  if (state.status === 'loading') return <Loading />;

  if (state.status === 'failed') {
    return (
      <Screen className='mydata'>
        <Text className='message message--error'>{state.message}</Text>
        <Button type='primary' size='large' block onClick={() => void load()}>
          重新加载
        </Button>
      </Screen>
    );
  }

  const { data } = state;
  const account = data.account.items[0];
  return (
    <Screen className='mydata'>
      <Text className='mydata__title page-title'>我的信息</Text>
      <Text className='mydata__lead'>{`近邻保存的关于您的全部信息，按类列出，每类写明除您以外谁能看到。截至 ${formatDateTime(data.takenAt)}。`}</Text>

      {KIND_ORDER.map((kind) => (
        <Section key={kind} kind={kind} section={data[kind] as OwnDataSection<unknown>} />
      ))}

      {account && (
        <ConsentCard
          consent={account.consent}
          onSaved={(consent) => setState({ status: 'ready', data: { ...data, account: { ...data.account, items: [{ ...account, consent }] } } })}
        />
      )}

      <View className='card'>
        <Text className='section-title'>拿一份副本</Text>
        <Text className='mydata__seen'>{via === 'file' ? '把以上全部信息存成一个文件，下载到这台电脑或手机上。' : '小程序里不能直接保存文件：副本的链接会发到“消息”里，一天内有效。'}</Text>
        <Button className='block-button' type='primary' size='large' block disabled={copying} onClick={() => void onCopy()}>
          {copying ? '正在准备…' : via === 'file' ? '下载一份' : '发一份到消息'}
        </Button>
        {copyNote && <Text className={`message ${copyNote.error ? 'message--error' : 'message--info'}`}>{copyNote.text}</Text>}
      </View>

      <Button className='block-button' size='large' block onClick={() => open(MYDATA_PAGES.correct)}>
        更正我的信息
      </Button>
      <Button className='block-button mydata__leave' size='large' block onClick={() => open(MYDATA_PAGES.leave)}>
        注销账号
      </Button>
    </Screen>
  );
}
