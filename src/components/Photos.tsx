/**
 * Photos: a grid that opens a photo big when tapped, and a picker that uploads each picked
 * photo at once (so submitting the form only sends ids) and keeps to the limit.
 */
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { uploadPhoto } from '../services/api';
import { choosePhotos } from '../services/photos';
import './components.scss';

export const MAX_PHOTOS = 9;

export function PhotoGrid({ photos, label = '照片' }: { photos: string[]; label?: string }) {
  if (photos.length === 0) return null;
  const open = (current: string) => void Taro.previewImage({ urls: photos, current });
  return (
    <View className='photos' aria-label={label}>
      {photos.map((src, i) => (
        <View key={`${src}-${i}`} className='photos__cell' onClick={() => open(src)}>
          <Image className='photos__img' src={src} mode='aspectFill' lazyLoad aria-label={`${label} ${i + 1}`} />
        </View>
      ))}
    </View>
  );
}

interface Item {
  key: number;
  /** Shown at once from the device. */
  preview: string;
  /** Set when the upload has finished. */
  id: string | null;
}

export interface PhotoState {
  items: Item[];
  /** The uploaded ones' ids, in the order they were picked. */
  ids: string[];
  uploading: boolean;
  message: string | null;
  add: () => Promise<void>;
  remove: (key: number) => void;
  reset: () => void;
}

export function usePhotos(max: number = MAX_PHOTOS): PhotoState {
  const [items, setItems] = useState<Item[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const next = useRef(1);
  const count = useRef(0);
  count.current = items.length;

  const add = async () => {
    const room = max - count.current;
    if (room <= 0) {
      setMessage(`最多上传 ${max} 张照片`);
      return;
    }
    const picked = await choosePhotos(room);
    if (picked.error) {
      setMessage(picked.error);
      return;
    }
    // The browser's file picker cannot be told how many: extra ones are left out, and said so.
    const taken = picked.photos.slice(0, Math.max(0, max - count.current));
    const left = picked.photos.length - taken.length;
    setMessage(left > 0 ? `最多上传 ${max} 张照片，多选的 ${left} 张没有加上` : null);
    if (taken.length === 0) return;

    const added = taken.map((p) => ({ key: next.current++, preview: p.path, id: null as string | null, local: p }));
    count.current += added.length;
    setItems((prev) => [...prev, ...added.map(({ key, preview, id }) => ({ key, preview, id }))]);

    await Promise.all(
      added.map(async ({ key, local }) => {
        const result = await uploadPhoto(local);
        if (result.ok) {
          setItems((prev) => prev.map((it) => (it.key === key ? { ...it, id: result.data.id } : it)));
        } else {
          setItems((prev) => prev.filter((it) => it.key !== key));
          setMessage(result.message);
        }
      }),
    );
  };

  return {
    items,
    ids: items.filter((it) => it.id).map((it) => it.id as string),
    uploading: items.some((it) => !it.id),
    message,
    add,
    remove: (key) => {
      setItems((prev) => prev.filter((it) => it.key !== key));
      setMessage(null);
    },
    reset: () => {
      setItems([]);
      setMessage(null);
    },
  };
}

export function PhotoPicker({ state, label = '照片', max = MAX_PHOTOS }: { state: PhotoState; label?: string; max?: number }) {
  const full = state.items.length >= max;
  return (
    <View className='field'>
      <View className='field__head'>
        <Text className='field__label'>
          {label}
          <Text className='field__optional'>（可不拍，最多 {max} 张）</Text>
        </Text>
      </View>
      <View className='photos' aria-label={label}>
        {state.items.map((it, i) => (
          <View key={it.key} className='photos__item'>
            <View className='photos__cell'>
              <Image className='photos__img' src={it.preview} mode='aspectFill' aria-label={`${label} ${i + 1}`} />
              {!it.id && <Text className='photos__uploading'>上传中…</Text>}
            </View>
            <View className='photos__remove' role='button' aria-label={`删除第 ${i + 1} 张`} hoverClass='photos__remove--pressed' onClick={() => state.remove(it.key)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {!full && (
          <View className='photos__cell photos__add' hoverClass='photos__add--pressed' onClick={() => void state.add()}>
            <Text className='photos__add-icon'>📷</Text>
            <Text className='photos__add-text'>拍照/选照片</Text>
          </View>
        )}
      </View>
      <Text className='muted photos__count'>
        已选 {state.items.length} 张{full ? `，已到 ${max} 张上限` : ''}
      </Text>
      {state.message && <Text className='field__error'>{state.message}</Text>}
    </View>
  );
}
