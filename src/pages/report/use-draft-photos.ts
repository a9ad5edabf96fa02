/**
 * The report form's photos: components/Photos.tsx's picker state (same limits, same messages, drawn
 * by its PhotoPicker), plus what a draft needs: each picked photo is first made to outlive the app
 * (keepPhoto: saved files on weapp, whose temporary paths die with the app), its upload's address is
 * remembered (h5 shows a restored photo from the server), and a draft's photos can be put back,
 * uploading again any whose upload had not finished.
 */
import { useRef, useState } from 'react';
import { MAX_PHOTOS, type PhotoState } from '../../components/Photos';
import { uploadPhoto } from '../../services/api';
import { choosePhotos } from '../../services/photos';
import { dropPhoto, keepPhoto, type DraftPhoto } from '../../services/report-draft';
import type { LocalPhoto } from '../../services/types';

interface Item {
  key: number;
  /** The kept file (weapp), the picked file's blob: URL or, once restored, the server's address (h5). */
  preview: string;
  id: string | null;
  /** Where the draft finds it again: the kept file, or (h5) the uploaded photo's address. */
  keep: string | null;
}

export interface DraftPhotoState extends PhotoState {
  /** The photos as a draft keeps them. */
  forDraft: DraftPhoto[];
  restore: (photos: DraftPhoto[]) => void;
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';

export function useDraftPhotos(max: number = MAX_PHOTOS): DraftPhotoState {
  const [items, setItems] = useState<Item[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const next = useRef(1);
  const count = useRef(0);
  count.current = items.length;

  const upload = async (key: number, local: LocalPhoto) => {
    const result = await uploadPhoto(local);
    if (result.ok) {
      // h5: the blob: URL dies with the tab; the server's address is what a draft can show again.
      const keep = isWeapp() ? local.path : result.data.url;
      setItems((prev) => prev.map((it) => (it.key === key ? { ...it, id: result.data.id, keep } : it)));
    } else {
      setItems((prev) => prev.filter((it) => it.key !== key));
      dropPhoto(local.path);
      setMessage(result.message);
    }
  };

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
    const taken = picked.photos.slice(0, Math.max(0, max - count.current));
    const left = picked.photos.length - taken.length;
    setMessage(left > 0 ? `最多上传 ${max} 张照片，多选的 ${left} 张没有加上` : null);
    if (taken.length === 0) return;
    count.current += taken.length;
    // Saved before anything uses the path: saving moves the file, and the temporary path is gone after.
    const kept = await Promise.all(taken.map(async (p) => ({ ...p, path: await keepPhoto(p.path) })));
    const added = kept.map((local) => ({ key: next.current++, local }));
    setItems((prev) => [...prev, ...added.map(({ key, local }) => ({ key, preview: local.path, id: null, keep: isWeapp() ? local.path : null }))]);
    await Promise.all(added.map(({ key, local }) => upload(key, local)));
  };

  const restore = (photos: DraftPhoto[]) => {
    // h5 keeps only uploaded photos (report-draft.ts says why); weapp keeps the file and uploads it now.
    const usable = photos.filter((p) => p.id || isWeapp()).slice(0, max);
    const restored = usable.map((p) => ({ key: next.current++, preview: p.path, id: p.id, keep: p.path }));
    count.current = restored.length;
    setItems(restored);
    setMessage(null);
    for (const it of restored) if (!it.id) void upload(it.key, { path: it.preview });
  };

  return {
    items,
    ids: items.filter((it) => it.id).map((it) => it.id as string),
    uploading: items.some((it) => !it.id),
    message,
    add,
    remove: (key) => {
      const gone = items.find((it) => it.key === key);
      if (gone?.keep && isWeapp()) dropPhoto(gone.keep);
      setItems((prev) => prev.filter((it) => it.key !== key));
      setMessage(null);
    },
    reset: () => {
      setItems([]);
      setMessage(null);
    },
    forDraft: items.filter((it) => it.keep).map((it) => ({ id: it.id, path: it.keep as string })),
    restore,
  };
}
