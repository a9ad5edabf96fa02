import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DemoLogin } from '../../core/api';
import { Button } from '../../components/nut';
import { demoLogins, signIn } from '../../services/api';
import { goHome, open, PAGES, readParam } from '../../utils/nav';
import './index.scss';
import { Screen } from '../../components/Screen';

/** Browser sign-in (h5 only; the mini-program knows its user from WeChat). */
export default function Login() {
  const router = useRouter();
  const reason = readParam(router.params?.reason);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demos, setDemos] = useState<DemoLogin[]>([]);

  useEffect(() => {
    let live = true;
    void demoLogins().then((result) => {
      // The demo list is a convenience: without it the form still works, so a failure stays quiet.
      if (live && result.ok) setDemos(result.data);
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (name: string, secret: string) => {
    if (busy) return;
    if (!name.trim()) return setError('请填写账号');
    if (!secret) return setError('请填写密码');
    setBusy(true);
    setError(null);
    const result = await signIn(name.trim(), secret);
    setBusy(false);
    if (result.ok) goHome();
    else setError(result.message);
  };

  return (
    <Screen className='login'>
      <Text className='login__title page-title'>登录近邻</Text>
      {reason && !error && <Text className='message message--info'>{reason}</Text>}
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        <Text className='login__label'>账号</Text>
        <Input
          className='login__input'
          name='username'
          value={username}
          placeholder='请输入账号'
          maxlength={64}
          onInput={(e) => setUsername(e.detail.value)}
        />
        <Text className='login__label'>密码</Text>
        <Input
          className='login__input'
          name='password'
          value={password}
          password
          placeholder='请输入密码'
          maxlength={128}
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit(username, password)}
        />
        <Button
          className='block-button login__submit'
          type='primary'
          size='large'
          block
          disabled={busy}
          onClick={() => void submit(username, password)}
        >
          {busy ? '正在登录…' : '登录'}
        </Button>
      </View>

      <View className='card login__join' hoverClass='login__demo--pressed' onClick={() => open(PAGES.code)}>
        <Text className='login__join-title'>没有账号？扫楼栋码登记</Text>
        <Text className='login__join-hint'>输入楼栋长或社区给的楼栋码编号，填写姓名、门牌和电话，审核通过后用手机号登录</Text>
      </View>

      {demos.length > 0 && (
        <View className='card'>
          <Text className='section-title'>演示账号</Text>
          <Text className='muted login__demo-hint'>点一下，直接用这个身份登录</Text>
          {demos.map((d) => (
            <View
              key={d.username}
              className='login__demo'
              hoverClass='login__demo--pressed'
              onClick={() => void submit(d.username, d.password)}
            >
              <Text className='login__demo-name'>
                {d.name}（{d.roleLabel}）
              </Text>
              <Text className='login__demo-unit'>{d.unit}</Text>
            </View>
          ))}
        </View>
      )}
    </Screen>
  );
}
