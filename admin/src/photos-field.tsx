/**
 * Photos kept with a record (a topic's, a project's result), sent one by one where an upload ticket says —
 * the way the lecture picture goes (pages/Lectures/PictureField.tsx): the local host's photo route, or a
 * signed storage address in the cloud; the record's action accepts (and cleans) them when it is saved.
 * Neither function has an upload ticket of its own, so the lectures' one is asked: staff of a community
 * hold it. A form control: `value` lists the stored references to keep (those the record has, shown at
 * the addresses `addresses` gives; a new one where its upload put it).
 */
import { Button, Flex, Image, Typography } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, hostUrl, sendUpload } from './api';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

async function upload(file: File): Promise<{ ref: string; url: string }> {
  if (!TYPES.includes(file.type)) throw new ApiError('PHOTO.BAD_TYPE', `「${file.name}」不是 JPG、PNG 或 WebP 格式的图片，请换一张`);
  if (file.size > MAX_BYTES) throw new ApiError('PHOTO.TOO_LARGE', `「${file.name}」超过 5 MB，请换一张或先压缩`);
  const ticket = await api.lectures.pictureUpload({ fileName: file.name, type: file.type, size: file.size });
  const answer = (await sendUpload(ticket, file)) as { id?: string; url?: string } | undefined;
  const ref = ticket.file ?? answer?.id;
  if (!ref) throw new ApiError('INTERNAL', '照片上传失败，请重试');
  // The local route answers the cleaned copy's address; cloud storage answers nothing a browser loads.
  const url = answer?.url ? hostUrl(answer.url) : URL.createObjectURL(file);
  return { ref, url };
}

export interface PhotosFieldProps {
  value?: string[];
  onChange?(v: string[]): void;
  onFailed(e: unknown): void;
  /** At most this many. */
  max: number;
  /** What a photo is called: "议题照片", "成效照片" (each image's alt, the file input's label). */
  noun: string;
  /** What to photograph: "现场照片、示意图". */
  hint: string;
  testId: string;
  /** Where the browser loads the photos the record has: reference → address. */
  addresses?: Record<string, string>;
}

export function PhotosField({ value = [], onChange, onFailed, max, noun, hint, testId, addresses }: PhotosFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<Record<string, string>>(addresses ?? {});
  const [busy, setBusy] = useState(false);
  const blobs = useRef<string[]>([]);
  useEffect(() => () => blobs.current.forEach((u) => URL.revokeObjectURL(u)), []);

  async function chosen(files: File[]) {
    if (!files.length) return;
    const room = Math.max(max - value.length, 0);
    if (files.length > room) onFailed(new ApiError('INPUT.INVALID', `最多上传 ${max} 张照片，这次只传前 ${room} 张`));
    setBusy(true);
    const refs = [...value];
    try {
      for (const f of files.slice(0, room)) {
        const p = await upload(f);
        if (p.url.startsWith('blob:')) blobs.current.push(p.url);
        setShown((s) => ({ ...s, [p.ref]: p.url }));
        refs.push(p.ref);
      }
    } catch (e) {
      onFailed(e);
    } finally {
      onChange?.(refs);
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Flex vertical gap={8}>
      {value.length > 0 && (
        <Flex gap={8} wrap data-testid={testId}>
          <Image.PreviewGroup>
            {value.map((ref, i) => (
              <span key={ref} style={{ position: 'relative' }}>
                <Image src={shown[ref] ?? ref} alt={`${noun} ${i + 1}`} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={`删除照片 ${i + 1}`}
                  style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => onChange?.(value.filter((x) => x !== ref))}
                />
              </span>
            ))}
          </Image.PreviewGroup>
        </Flex>
      )}
      <input ref={input} type="file" multiple accept={TYPES.join(',')} style={{ display: 'none' }} aria-label={`选择${noun}`} onChange={(e) => void chosen(Array.from(e.target.files ?? []))} />
      <Flex gap={8} align="center">
        <Button icon={<PlusOutlined />} loading={busy} disabled={value.length >= max} onClick={() => input.current?.click()}>
          添加照片
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {hint}，最多 {max} 张，JPG、PNG 或 WebP，每张不超过 5 MB
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
