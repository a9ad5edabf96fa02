/**
 * The form's first screens: the way in for someone who lives in no building here yet, and step 1,
 * what kind of problem (big picture tiles), for which of their buildings.
 */
import { Text, View } from '@tarojs/components';
import type { Category } from '../../core/reports/categories';
import { Button } from '../../components/nut';
import { CategoryGrid } from '../../components/CategoryGrid';
import { Choices } from '../../components/Choices';
import { Screen } from '../../components/Screen';
import type { BuildingChoice } from '../../utils/me';
import { open, PAGES, scanToJoin } from '../../utils/nav';

/**
 * Nobody's resident: a WeChat user not registered yet (`howTo` says how), or a person bound
 * elsewhere (a member, a volunteer) who does not live in a building here yet.
 */
export function NoBuilding({ howTo, isHandler }: { howTo: string | null; isHandler: boolean }) {
  return (
    <Screen>
      <Text className='message message--info'>{howTo ?? '您还没有登记所住的楼栋，暂时不能在这里反映问题。扫您楼栋的楼栋码登记，楼栋长审核后就能反映。'}</Text>
      <View className='actions'>
        <Button type='primary' size='large' block onClick={() => void scanToJoin()}>
          扫码登记入住
        </Button>
        {isHandler && (
          <Button size='large' block onClick={() => open(PAGES.handlerRecord)}>
            替居民登记反映
          </Button>
        )}
      </View>
    </Screen>
  );
}

interface CategoryStepProps {
  buildings: BuildingChoice[];
  unitId: string | null;
  onUnit: (unitId: string) => void;
  categories: Category[];
  picked: string | undefined;
  onPick: (c: Category) => void;
}

export function CategoryStep({ buildings, unitId, onUnit, categories, picked, onPick }: CategoryStepProps) {
  const building = buildings.find((b) => b.unitId === unitId) ?? buildings[0];
  return (
    <Screen className='report-new'>
      <Text className='report-new__step'>第 1 步，共 2 步</Text>
      <Text className='report-new__title page-title'>遇到了什么问题？</Text>
      {buildings.length > 1 ? (
        <Choices label='反映哪栋楼的问题' options={buildings.map((b) => ({ value: b.unitId, label: b.label }))} value={unitId} onChange={onUnit} />
      ) : (
        <Text className='muted report-new__where'>反映 {building.label} 的问题</Text>
      )}
      <Text className='muted report-new__tip'>点一下最接近的一项</Text>
      <CategoryGrid categories={categories} value={picked} onPick={onPick} />
    </Screen>
  );
}
