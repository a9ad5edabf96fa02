/**
 * 许心愿: a resident posts a small wish for their home — what, for whom (general words, no name), by
 * when, and whether the claimer may see their phone; a building lead or grid lead may post one for a
 * household of theirs instead (the building and the door, and a contact phone if there is one). The
 * client request id is made once for this form: a tap retried after a dropped answer posts one wish.
 * Posted, it waits for the community's check (待社区审核). Someone who may not post reads why first.
 */
import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { WishView } from '../../core/api';
// NutUI's button and the status card before the fields: their styles in the order the other pages have them.
import { Button } from '../../components/nut';
import { StatusFailed } from '../../components/StatusCard';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import { TextBox } from '../../components/Field';
import { Loading } from '../../components/PageStatus';
import { Screen } from '../../components/Screen';
import { StopCard } from '../../components/StopCard';
import { Toggle } from '../../components/Toggle';
import { isSessionLost, usesPasswordSignIn, whoAmI } from '../../services/api';
import { postWish } from '../../services/wishes';
import type { BuildingChoice } from '../../utils/me';
import { goToLogin, open, replaceWith } from '../../utils/nav';
import { newRequestId } from '../../utils/request-id';
import { mineUrl, WISH_PAGES } from '../urls';
import { postsForHousehold, postsOwnWish } from '../who';
import { dayRange, defaultByDate } from '../words';
import { ByDate } from './ByDate';
import { leadBuildings } from './buildings';
import { Done } from './Done';
import { checkWish, fieldOf, FOR_WHOM_MAX, inputOf, WHAT_MAX, type Problems, type Whose, type WishForm } from './form';
import { Household } from './Household';
import '../wishes.scss';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  /** Neither a resident nor a lead: nothing to fill in. */
  | { status: 'stopped' }
  | { status: 'ready'; own: boolean; buildings: BuildingChoice[] };

const SAY_FIX = '还有内容没有填好，请看红字提示';

export default function PostWish() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [form, setForm] = useState<WishForm>(() => ({ whose: 'own', what: '', forWhom: '', byDate: defaultByDate(), phoneShared: false, buildingId: null, entrance: '', floor: '', room: '', phone: '' }));
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<WishView | null>(null);
  // Made once for this form: every retry of the same wish carries the same id.
  const [requestId] = useState(newRequestId);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    const who = await whoAmI();
    if (!who.ok) {
      if (isSessionLost(who)) return goToLogin(who.message);
      return setLoad({ status: 'failed', code: who.code, message: who.message });
    }
    if (!who.data.registered) return setLoad({ status: 'stopped' });
    const me = who.data;
    const own = postsOwnWish(me);
    let buildings: BuildingChoice[] = [];
    if (postsForHousehold(me)) {
      const found = await leadBuildings(me);
      if (!found.ok) return setLoad({ status: 'failed', code: 'LOAD', message: found.message });
      buildings = found.buildings;
    }
    if (!own && buildings.length === 0) return setLoad({ status: 'stopped' });
    setForm((f) => ({ ...f, whose: own ? 'own' : 'household', buildingId: buildings.length === 1 ? buildings[0].unitId : f.buildingId }));
    setLoad({ status: 'ready', own, buildings });
  }, []);

  useLoad(() => {
    void start();
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') {
    const nobody = load.code === 'AUTH.REQUIRED' && usesPasswordSignIn();
    return <StatusFailed message={load.message} instead={nobody ? { words: '去登录', onClick: () => goToLogin() } : null} onRetry={() => void start()} />;
  }
  if (load.status === 'stopped') {
    return (
      <Screen className='wishes'>
        <StopCard status='不能许心愿' title='许心愿' message='只有登记过的居民可以许微心愿；楼栋长和网格长可以为住户代许。还没有登记的，请扫楼栋长给的楼栋码登记入住。' />
        <Button className='wishes__action' type='primary' size='large' block onClick={() => replaceWith(WISH_PAGES.index)}>
          回到微心愿
        </Button>
      </Screen>
    );
  }

  if (posted) return <Done wish={posted} forHousehold={form.whose === 'household'} onMine={() => replaceWith(mineUrl('posted'))} onList={() => replaceWith(WISH_PAGES.index)} />;

  const { own, buildings } = load;
  const range = dayRange();
  const forHousehold = form.whose === 'household';

  const set = <K extends keyof WishForm>(field: K, value: WishForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    if ((problems as Record<string, string | undefined>)[field as string]) setProblems((p) => ({ ...p, [field]: undefined }));
    setError((m) => (m === SAY_FIX ? null : m));
  };

  const submit = async () => {
    if (busy) return;
    const found = checkWish(form, range);
    setProblems(found);
    if (Object.keys(found).length > 0) return setError(SAY_FIX);
    setError(null);
    setBusy(true);
    const result = await postWish(inputOf(form, requestId));
    setBusy(false);
    if (result.ok) {
      void Taro.showToast({ title: '已提交', icon: 'success', duration: 1500 });
      setPosted(result.data.wish);
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    const field = fieldOf(result.field);
    if (field) setProblems((p) => ({ ...p, [field]: result.message }));
    setError(result.message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined);
  };

  return (
    <Screen className='wishes wpost'>
      <Text className='wishes__title page-title'>许个心愿</Text>
      <Text className='wishes__lead'>写下一个小心愿，社区审核后公开，党员和志愿者会认领并帮您实现。公开时不显示姓名、门牌和电话。</Text>
      {error && <Text className='message message--error'>{error}</Text>}

      {own && buildings.length > 0 && (
        <View className='card'>
          <Choices<Whose>
            label='为谁许愿'
            options={[
              { value: 'own', label: '为自己家许愿' },
              { value: 'household', label: '为住户代许', hint: '老人不会用手机时' },
            ]}
            columns={2}
            value={form.whose}
            onChange={(v) => set('whose', v)}
          />
        </View>
      )}
      {forHousehold && <Household form={form} set={set} problems={problems} buildings={buildings} />}

      <View className='card'>
        <TextBox
          label='心愿是什么'
          value={form.what}
          onChange={(v) => set('what', v)}
          maxLength={WHAT_MAX}
          placeholder='例如：想要一根带凳子的拐杖'
          error={problems.what}
        />
        <BigInput
          label='为谁许愿'
          hint='不写姓名，如“独居老人”“留守儿童”'
          value={form.forWhom}
          onChange={(v) => set('forWhom', v)}
          error={problems.forWhom}
          placeholder='例如：独居老人'
          maxLength={FOR_WHOM_MAX}
        />
        <ByDate value={form.byDate} start={range.start} end={range.end} onChange={(d) => set('byDate', d)} error={problems.byDate} />
      </View>

      <View className='card'>
        <Toggle
          label={forHousehold ? '允许认领人看到这个电话' : '允许认领人看到我的手机号'}
          hint={forHousehold ? '不打开时，认领人只看到您的姓名和电话，通过您联系这一户' : '不打开时，认领人通过楼栋长联系您'}
          checked={form.phoneShared}
          onChange={(v) => set('phoneShared', v)}
        />
      </View>

      <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交心愿'}
      </Button>
      <View className='wishes__links'>
        <View className='wishes__link' role='link' hoverClass='wishes__link--pressed' onClick={() => open(WISH_PAGES.mine)}>
          <Text>我的心愿 ›</Text>
        </View>
      </View>
    </Screen>
  );
}
