/**
 * The lecture's picture: chosen, sent where lectures.pictureUpload says (the local host's photo
 * route, which cleans and keeps it; in the cloud a signed storage address, the way an import's
 * spreadsheet goes, cleaned when the lecture is saved), kept as the stored reference the lecture
 * saves. A form control: `value` is that reference, or null.
 */
import { Button, Flex, Image, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, sendUpload } from '../../api';

const API_BASE: string = (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_JINLIN_API_BASE?.replace(/\/$/, '') ?? '';
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/** The picture's stored reference, and what this page shows for it. */
async function uploadPicture(file: File): Promise<{ id: string; url: string | null }> {
  // Said here at once; the server says the same (and checks the bytes themselves).
  if (!TYPES.includes(file.type)) throw new ApiError('PHOTO.BAD_TYPE', '请选择 JPG、PNG 或 WebP 格式的图片');
  if (file.size > MAX_BYTES) throw new ApiError('PHOTO.TOO_LARGE', '图片不能超过 5 MB，请换一张或先压缩');
  const ticket = await api.lectures.pictureUpload({ fileName: file.name, type: file.type, size: file.size });
  const answer = (await sendUpload(ticket, file)) as { id?: string; url?: string } | undefined;
  const id = ticket.file ?? answer?.id;
  if (!id) throw new ApiError('INTERNAL', '图片上传失败，请重试');
  // The local route answers the cleaned copy's address; cloud storage answers nothing a browser loads.
  const url = answer?.url ? (API_BASE && answer.url.startsWith('/') ? `${API_BASE}${answer.url}` : answer.url) : null;
  return { id, url };
}

interface Props {
  value?: string | null;
  onChange?(v: string | null): void;
  /** What the browser shows for the value the form started with (the lecture's pictureUrl). */
  initialUrl: string | null;
  onFailed(e: unknown): void;
}

export function PictureField({ value, onChange, initialUrl, onFailed }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<string | null>(initialUrl);
  const [busy, setBusy] = useState(false);
  // A picture sent to cloud storage is shown from the file chosen, until the lecture is saved.
  const local = useRef<string | null>(null);
  const forget = () => {
    if (local.current) URL.revokeObjectURL(local.current);
    local.current = null;
  };
  useEffect(() => forget, []);

  async function chosen(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    try {
      const stored = await uploadPicture(file);
      forget();
      if (!stored.url) local.current = URL.createObjectURL(file);
      setShown(stored.url ?? local.current);
      onChange?.(stored.id);
    } catch (e) {
      onFailed(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Flex gap={16} align="center">
      {value && shown ? (
        <span data-testid="lecture-picture">
          <Image src={shown} alt="讲座图片" width={160} height={100} style={{ objectFit: 'cover', borderRadius: 6 }} />
        </span>
      ) : (
        <Flex align="center" justify="center" style={{ width: 160, height: 100, border: '1px dashed #d9d9d9', borderRadius: 6 }}>
          <Typography.Text type="secondary">未选图片</Typography.Text>
        </Flex>
      )}
      <Flex vertical gap={8}>
        <input ref={input} type="file" accept={TYPES.join(',')} style={{ display: 'none' }} aria-label="选择讲座图片" onChange={(e) => void chosen(e.target.files?.[0])} />
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
          {value ? '换一张' : '选择图片'}
        </Button>
        {value && (
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            不用图片
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          JPG、PNG 或 WebP，不超过 5 MB
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
