/**
 * What of a report is shown publicly, chosen on the form: its photos on the compound's 回音壁 (offered once
 * there is a photo and the name is not kept private; off unless ticked) and the resident's name (不公开我的
 * 姓名: handlers still see it).
 */
import { Toggle } from '../../components/Toggle';

interface Props {
  hasPhotos: boolean;
  photosPublic: boolean;
  onPhotosPublic(on: boolean): void;
  anonymous: boolean;
  onAnonymous(on: boolean): void;
}

export function PublicChoices({ hasPhotos, photosPublic, onPhotosPublic, anonymous, onAnonymous }: Props) {
  return (
    <>
      {hasPhotos && !anonymous && (
        <Toggle label='照片可以在回音壁展示' hint='办结后在小区回音壁公示时附上照片' checked={photosPublic} onChange={onPhotosPublic} />
      )}
      <Toggle label='不公开我的姓名' hint='办事的人仍能看到，对外公示时不写您的名字' checked={anonymous} onChange={onAnonymous} />
    </>
  );
}
