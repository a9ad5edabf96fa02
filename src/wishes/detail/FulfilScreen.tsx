/**
 * 实现心愿, a screen of its own: what was done (required: the wisher confirms by it) and photos, each
 * uploaded when picked (components/Photos.tsx), so the submit sends their ids only.
 */
import { Text, View } from '@tarojs/components';
import { TextBox } from '../../components/Field';
import { Button } from '../../components/nut';
import { PhotoPicker, type PhotoState } from '../../components/Photos';
import { PrivacyConsent } from '../../components/PrivacyConsent';
import { Screen } from '../../components/Screen';
import { WISH_PHOTOS_MAX } from '../../core/wishes';
import { AUTO_CONFIRM_NOTE } from '../words';

export const NOTE_MAX = 500;

interface Props {
  what: string;
  note: string;
  onNote: (v: string) => void;
  photos: PhotoState;
  error: string | null;
  noteError: string | null;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

export function FulfilScreen({ what, note, onNote, photos, error, noteError, busy, onSubmit, onCancel }: Props) {
  return (
    <Screen className='wishes'>
      <PrivacyConsent purpose='为了给实现的心愿拍照或选照片' otherwise='不同意也可以，不加照片照样能提交。' />
      <Text className='wishes__title page-title'>实现心愿</Text>
      <Text className='wishes__lead'>{`“${what}”。写一写是怎么实现的，心愿人确认后您会得到积分。${AUTO_CONFIRM_NOTE}。`}</Text>
      {error && <Text className='message message--error'>{error}</Text>}
      <View className='card'>
        <TextBox label='怎么实现的' value={note} onChange={onNote} maxLength={NOTE_MAX} placeholder='例如：买了一根带凳子的拐杖，送到了家里，教老人用了' error={noteError} />
        <PhotoPicker state={photos} max={WISH_PHOTOS_MAX} />
      </View>
      <Button className='wishes__action' type='primary' size='large' block disabled={busy} onClick={onSubmit}>
        {busy ? '正在提交…' : '提交，请心愿人确认'}
      </Button>
      <View className='wishes__links'>
        <View className='wishes__link' role='link' hoverClass='wishes__link--pressed' onClick={() => !busy && onCancel()}>
          <Text>‹ 先不提交</Text>
        </View>
      </View>
    </Screen>
  );
}
