/**
 * 更正我的信息: the person's own name, and their phone — only WeChat's verified number (the
 * getPhoneNumber button), so nobody can put someone else's number on their account. Both send the
 * account's version as read: a change in between is refused and said in words, to refresh first.
 * In a browser there is no WeChat number: the page says where to change it instead. The door is
 * not corrected here but moved (MoveDoorCard): a registration the new building's lead approves.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OwnAccount } from '../../core/outputs/own-data';
import { SHOWN_BEFORE_ASKING } from '../../core/errors-shown-before-asking';
import { BigInput } from '../../components/BigInput';
import type { PhoneEvent } from '../../components/FormSteps';
import { phoneRefusalMessage } from '../../components/FormSteps';
import { Button } from '../../components/nut';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import type { ClientFailure } from '../../services/api';
import { isSessionLost } from '../../services/api';
import { correctName, correctPhone, ownData, VERSION_CHANGED } from '../../services/own-data';
import { goToLogin } from '../../utils/nav';
import { MoveDoorCard } from '../MoveDoorCard';
import '../mydata.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; account: OwnAccount };
type Note = { error: boolean; text: string; field?: 'name' | 'phone' } | null;

const say = (f: ClientFailure) => (f.code === 'CONFLICT.VERSION' ? VERSION_CHANGED : f.message);

export default function CorrectMine() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const load = useCallback(async () => {
    const result = await ownData();
    if (result.ok) {
      const account = result.data.account.items[0];
      if (!account) return setState({ status: 'failed', message: '没有找到您的账号' });
      setState({ status: 'ready', account });
      setName(account.name);
    } else if (isSessionLost(result)) goToLogin(result.message);
    else setState({ status: 'failed', message: result.message });
  }, []);

  useDidShow(() => {
    void load();
  });

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

  const { account } = state;
  const inWechat = Taro.getEnv() === Taro.ENV_TYPE.WEAPP;

  const saved = (after: { name: string; phone: string | null }, what: string) => {
    setState({ status: 'ready', account: { ...account, name: after.name, phone: after.phone, version: account.version + 1 } });
    setNote({ error: false, text: `${what}已改好` });
    // The server's version is the truth: read it back so a second change sends the right one.
    void load();
  };

  const onName = async () => {
    if (busy) return;
    const wanted = name.trim();
    if (!wanted) return setNote({ error: true, text: '请填写姓名', field: 'name' });
    setBusy(true);
    setNote(null);
    const result = await correctName(wanted, account.version);
    setBusy(false);
    if (result.ok) saved(result.data, '姓名');
    else if (isSessionLost(result)) goToLogin(result.message);
    else setNote({ error: true, text: say(result), field: 'name' });
  };

  const onWechatPhone = async (e: PhoneEvent) => {
    const detail = e.detail ?? ({} as PhoneEvent['detail']);
    if (!detail.code) return setNote({ error: true, text: phoneRefusalMessage(detail).replace('，请直接填写手机号', '，请稍后再试'), field: 'phone' });
    if (busy) return;
    setBusy(true);
    setNote(null);
    const result = await correctPhone(detail.code, account.version);
    setBusy(false);
    if (result.ok) saved(result.data, '手机号');
    else if (isSessionLost(result)) goToLogin(result.message);
    else setNote({ error: true, text: say(result), field: 'phone' });
  };

  const nameNote = note?.field === 'name' && note.error ? note.text : undefined;

  return (
    <Screen className='mydata'>
      <Text className='mydata__title page-title'>更正我的信息</Text>
      {note && !note.error && <Text className='message message--info'>{note.text}</Text>}

      <View className='card'>
        <BigInput label='姓名' hint='请填写真实姓名，楼栋长和社区靠它认出您' value={name} onChange={setName} error={nameNote} placeholder='您的姓名' maxLength={20} />
        <Button className='block-button' type='primary' size='large' block disabled={busy} onClick={() => void onName()}>
          {busy ? '正在保存…' : '保存姓名'}
        </Button>
      </View>

      <View className='card'>
        <Text className='section-title'>手机号</Text>
        <Text className='mydata__line'>{`现在登记的：${account.phone ?? '未登记'}`}</Text>
        {inWechat ? (
          <>
            <Text className='mydata__seen'>只能换成您微信绑定的手机号，由微信验证。</Text>
            <Button className='block-button' type='primary' size='large' block disabled={busy} openType='getPhoneNumber' onGetPhoneNumber={(e) => void onWechatPhone(e)}>
              {busy ? '正在保存…' : '换成微信手机号'}
            </Button>
          </>
        ) : (
          <Text className='mydata__seen'>{SHOWN_BEFORE_ASKING['PERSON.PHONE_NEEDS_WECHAT']}</Text>
        )}
        {note?.field === 'phone' && <Text className='message message--error'>{note.text}</Text>}
      </View>

      <MoveDoorCard />
    </Screen>
  );
}
