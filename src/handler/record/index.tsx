/**
 * 替居民登记: a building lead turns a message from the building's group chat into a tracked
 * report for a resident (name and phone), with the category, what was said and any photos.
 * Staff above the building may also record a home visit or a phone call.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Me } from '../../core/api';
import type { Channel } from '../../core/reports/report';
import type { Category } from '../../core/reports/categories';
import type { Unit } from '../../core/units';
import { Button } from '../../components/nut';
import { CategoryGrid } from '../../components/CategoryGrid';
import { Choices } from '../../components/Choices';
import { LineInput, TextBox } from '../../components/Field';
import { HandlersOnly } from '../../components/HandlersOnly';
import { Failed, Loading } from '../../components/PageStatus';
import { PhotoPicker, usePhotos } from '../../components/Photos';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Screen } from '../../components/Screen';
import { call, isSessionLost } from '../../services/api';
import { categories as loadCategories, createReport } from '../../services/reports';
import { buildingsOf, type BuildingChoice } from '../../utils/me';
import { goToLogin, handlerReportUrl, replaceWith } from '../../utils/nav';
import { checkDescription, DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../utils/report';
import { useVoiceNote, VoiceNote } from '../../pages/report/VoiceNote';
import { newRequestId } from '../../utils/request-id';
import './index.scss';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; buildings: BuildingChoice[]; categories: Category[]; lead: boolean };

/** What a person records by: Open311 is a partner's system, never a person on this page. */
type RecordedChannel = Exclude<Channel, 'resident' | 'open311'>;

const CHANNELS: { value: RecordedChannel; label: string }[] = [
  { value: 'group_chat', label: '楼栋群里说的' },
  { value: 'visit', label: '上门走访' },
  { value: 'phone', label: '电话反映' },
];

const PHONE = /^1[3-9]\d{9}$/;

/** Buildings below the person's units, as "幸福里小区 3号楼", for staff who do not lead a building. */
function buildingsBelow(units: Unit[]): BuildingChoice[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units
    .filter((u) => u.kind === 'building' && !u.archived)
    .map((u) => {
      const compound = u.path
        .split('/')
        .filter(Boolean)
        .map((id) => byId.get(id))
        .find((a) => a?.kind === 'compound');
      const label = compound ? `${compound.name} ${u.name}` : u.name;
      return { unitId: u.id, name: u.name, label, trail: label };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }));
}

/** Handlers only: anyone else reads whose page this is before any box to fill in. */
export default function RecordForResident() {
  return <HandlersOnly>{(me) => <RecordForm me={me} />}</HandlersOnly>;
}

function RecordForm({ me }: { me: Me }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [channel, setChannel] = useState<RecordedChannel>('group_chat');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made once for this form, so a retried submission never files the report twice.
  const [requestId] = useState(newRequestId);
  const photos = usePhotos();
  // A resident met in person can say it into the lead's phone: the same 按住说话 as the resident's form.
  const voice = useVoiceNote();

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    let buildings = buildingsOf(me, ['building_lead']);
    const lead = buildings.length > 0;
    if (!lead) {
      const tree = await call('units', 'tree', {});
      if (!tree.ok) return setLoad({ status: 'failed', message: tree.message });
      buildings = buildingsBelow(tree.data.units);
    }
    if (buildings.length === 0) return setLoad({ status: 'failed', message: '您负责的范围里没有楼栋，不能在这里登记反映。' });
    const cats = await loadCategories(buildings[0].unitId);
    if (!cats.ok) return setLoad({ status: 'failed', message: cats.message });
    if (buildings.length === 1) setUnitId(buildings[0].unitId);
    setLoad({ status: 'ready', buildings, categories: cats.data.categories, lead });
  }, [me]);

  // Mounted once the door has let the person in, after the page first showed: a mount effect, not useLoad.
  useEffect(() => {
    void start();
  }, [start]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'failed') return <Failed message={load.message} onRetry={() => void start()} />;

  const clear = (field: string) => setErrors((e) => ({ ...e, [field]: null }));

  const submit = async () => {
    if (busy) return;
    const found: Record<string, string | null> = {
      contactName: name.trim() ? null : '请填写居民的姓名',
      contactPhone: phone.trim() && !PHONE.test(phone.trim()) ? '手机号应为 11 位数字' : null,
      unitId: unitId ? null : '请选择是哪栋楼',
      category: category ? null : '请选择反映的类别',
      description: voice.id && !description.trim() ? null : checkDescription(description),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setError('还有内容没有填好，请看红字提示');
      return;
    }
    if (photos.uploading) return setError('照片还在上传，请稍等一下再提交');
    if (voice.phase !== 'idle' && voice.phase !== 'kept') return setError('语音还在录或还在上传，请稍等一下再提交');
    setError(null);
    setBusy(true);
    const result = await createReport({
      clientRequestId: requestId,
      unitId: unitId!,
      category: category!.code,
      description: description.trim() || undefined,
      location: location.trim() || undefined,
      photos: photos.ids.length ? photos.ids : undefined,
      voice: voice.id ?? undefined,
      channel: load.lead ? 'group_chat' : channel,
      contactName: name.trim(),
      contactPhone: phone.trim() || undefined,
    });
    setBusy(false);
    if (result.ok) {
      void Taro.showToast({ title: '已登记', icon: 'success', duration: 1500 });
      replaceWith(handlerReportUrl(result.data.report.id));
      return;
    }
    if (isSessionLost(result)) return goToLogin(result.message);
    if (result.field && result.field in found) setErrors((e) => ({ ...e, [result.field!]: result.message }));
    setError(result.message);
  };

  return (
    <Screen className='record'>
      <PrivacyConsent purpose='为了给反映的问题拍照或选照片' otherwise='不同意也可以，不加照片照样能登记。' />
      <Text className='muted record__lead'>把居民在群里、电话里或上门时说的问题登记下来，系统会按时限跟踪办理。</Text>
      {error && <Text className='message message--error'>{error}</Text>}

      <View className='card'>
        <Text className='section-title'>谁反映的</Text>
        <LineInput
          label='居民姓名'
          value={name}
          onChange={(v) => {
            setName(v);
            clear('contactName');
          }}
          maxLength={20}
          placeholder='例如：孙福贵'
          error={errors.contactName}
        />
        <LineInput
          label='手机号'
          optional
          type='number'
          value={phone}
          onChange={(v) => {
            setPhone(v);
            clear('contactPhone');
          }}
          maxLength={11}
          placeholder='方便回访'
          error={errors.contactPhone}
        />
        {load.lead ? (
          <Text className='record__channel'>来源：楼栋群</Text>
        ) : (
          <Choices label='怎么反映的' options={CHANNELS} value={channel} onChange={setChannel} />
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>哪栋楼</Text>
        {load.buildings.length === 1 ? (
          <Text className='record__building'>{load.buildings[0].label}</Text>
        ) : (
          <Choices
            options={load.buildings.map((b) => ({ value: b.unitId, label: b.label }))}
            columns={2}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              clear('unitId');
            }}
            error={errors.unitId}
          />
        )}
      </View>

      <View className='card'>
        <Text className='section-title'>什么问题</Text>
        <CategoryGrid
          categories={load.categories}
          value={category?.code}
          onPick={(c) => {
            setCategory(c);
            clear('category');
          }}
        />
        {errors.category && <Text className='field__error'>{errors.category}</Text>}
      </View>

      <View className='card'>
        <TextBox
          label='居民说的情况'
          value={description}
          onChange={(v) => {
            setDescription(v);
            clear('description');
          }}
          minLength={DESCRIPTION_MIN}
          maxLength={DESCRIPTION_MAX}
          placeholder='可以把群里的话粘贴过来'
          error={errors.description}
        />
        <VoiceNote state={voice} />
        <LineInput label='在楼里什么位置' optional value={location} onChange={setLocation} maxLength={50} placeholder='例如：3单元 电梯' />
        <PhotoPicker state={photos} />
      </View>

      <Button type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在提交…' : '登记这条反映'}
      </Button>
    </Screen>
  );
}
