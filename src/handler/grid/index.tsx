/**
 * 我的网格: the grid lead's (家长) and steward's (管家) page — their grid's households by building and
 * door with who lives there, its party members and volunteers. Names only: phones stay with the
 * community staff. The grid's reports are in 待办 (grid leads handle reports), so the page links there
 * rather than listing them twice. Anyone else reads whose page it is (the door, then the server).
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Me, MyGrid } from '../../core/api';
import { Button } from '../../components/nut';
import { Failed, Loading } from '../../components/PageStatus';
import { HandlersOnly, type Door } from '../../components/HandlersOnly';
import { Screen } from '../../components/Screen';
import { isSessionLost } from '../../services/api';
import { myGrid } from '../../services/grids';
import { goHome, goToLogin, open, PAGES, readParam } from '../../utils/nav';
import './index.scss';

const GRID_ROLES = ['grid_lead', 'steward'];

/** One wording with the server's refusal. */
const GRID_PEOPLE: Door = {
  allow: (me) => me.bindings.some((b) => GRID_ROLES.includes(b.role)),
  title: '这是网格长（家长）和管家的页面',
  refusal: '只有绑定在这个网格的家长或管家能看。如果您是家长，请让社区工作人员先为您绑定',
};

type State = { status: 'loading' } | { status: 'failed'; code: string; message: string } | { status: 'ready'; grid: MyGrid };

export default function GridPage() {
  const router = useRouter();
  const unitId = readParam(router.params?.unitId) ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await myGrid(unitId);
    if (result.ok) return setState({ status: 'ready', grid: result.data });
    if (isSessionLost(result)) return goToLogin(result.message);
    setState({ status: 'failed', code: result.code, message: result.message });
  }, [unitId]);

  // Loaded alongside the door's question, so a grid lead waits for one round trip.
  useEffect(() => {
    void load();
  }, [load]);

  return <HandlersOnly door={GRID_PEOPLE}>{(me) => <GridView me={me} state={state} onRetry={() => void load()} />}</HandlersOnly>;
}

function GridView({ me, state, onRetry }: { me: Me; state: State; onRetry: () => void }) {
  if (state.status === 'loading') return <Loading />;
  // Another grid's lead, or a binding moved meanwhile: the server's words, and the way home.
  if (state.status === 'failed' && state.code === 'AUTH.FORBIDDEN') {
    return (
      <Screen className='grid'>
        <Text className='page-title'>我的网格</Text>
        <Text className='message message--error'>{state.message}</Text>
        <Button className='block-button' type='primary' size='large' block onClick={goHome}>
          回到首页
        </Button>
      </Screen>
    );
  }
  if (state.status === 'failed') return <Failed message={state.message} onRetry={onRetry} />;

  const { grid } = state;
  const { counts } = grid;
  return (
    <Screen className='grid'>
      <Text className='page-title'>{grid.grid.name}</Text>
      <Text className='trail'>{grid.trail}</Text>
      <Text className='grid__counts'>
        {counts.buildings} 栋楼，{counts.households} 户，{counts.residents} 位居民；党员 {counts.members} 位，志愿者 {counts.volunteers} 位
      </Text>
      {me.isHandler && (
        <Button className='block-button' type='primary' size='large' block onClick={() => open(PAGES.handlerInbox)}>
          待办：本网格的反映
        </Button>
      )}

      <Text className='section-title'>住户</Text>
      {grid.buildings.length === 0 && <Text className='muted'>这个网格还没有楼栋。</Text>}
      {grid.buildings.map((b) => (
        <View key={b.building.id} className='card grid__building'>
          <Text className='grid__building-name'>{b.building.name}</Text>
          {b.doors.length === 0 && <Text className='muted'>还没有登记门牌的住户。</Text>}
          {b.doors.map((d) => (
            <View key={d.door} className='grid__door'>
              <Text className='grid__door-label'>{d.door}</Text>
              <Text>{d.residents.join('、')}</Text>
            </View>
          ))}
          {b.withoutDoor.length > 0 && <Text className='muted grid__hint'>没有登记门牌：{b.withoutDoor.join('、')}</Text>}
        </View>
      ))}

      <Text className='section-title'>党员</Text>
      <View className='card'>
        {grid.members.length === 0 && <Text className='muted'>还没有党员报到到这个网格。</Text>}
        {grid.members.map((m) => (
          <Text key={m.id} className='grid__person'>
            {m.name}
            {m.memberType ? `（${m.memberType}党员）` : ''}
          </Text>
        ))}
      </View>

      <Text className='section-title'>志愿者</Text>
      <View className='card'>
        {grid.volunteers.length === 0 && <Text className='muted'>还没有志愿者。</Text>}
        {grid.volunteers.map((v) => (
          <Text key={v.id} className='grid__person'>
            {v.name}
          </Text>
        ))}
      </View>
      <Text className='muted grid__hint'>要联系住户，请找社区工作人员：电话只在社区登记。</Text>
    </Screen>
  );
}
