/**
 * 帮他反映: during a visit the member files a report for the household (channel 走访) — switched on when
 * there is a problem the community or the property company must solve, then the category and what it is,
 * as on the report form, with photos if any. Once filed (an earlier tap got that far) it shows what was
 * filed and to whom, and cannot be changed or filed again.
 */
import { Text, View } from '@tarojs/components';
import type { ReportDetail } from '../../core/api';
import type { Category } from '../../core/reports/categories';
import { CategoryGrid } from '../../components/CategoryGrid';
import { TextBox } from '../../components/Field';
import { PhotoPicker, type PhotoState } from '../../components/Photos';
import { Toggle } from '../../components/Toggle';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../utils/report';
import type { VisitErrors } from './check';

interface Props {
  on: boolean;
  onToggle: (on: boolean) => void;
  categories: Category[];
  category: Category | null;
  onCategory: (c: Category) => void;
  description: string;
  onDescription: (v: string) => void;
  photos: PhotoState;
  errors: VisitErrors;
  /** The report an earlier tap filed. */
  filed: ReportDetail | null;
}

/** "交赵桂兰（楼栋）办理" or "交楼栋办理" while nobody is named. */
export const handledBy = (r: Pick<ReportDetail, 'handlerName' | 'levelLabel'>) => (r.handlerName ? `交${r.handlerName}（${r.levelLabel}）办理` : `交${r.levelLabel}办理`);

export function HelpReport(p: Props) {
  if (p.filed) {
    return (
      <View className='card visit-filed'>
        <Text className='section-title'>✓ 已帮他反映</Text>
        <Text className='visit-filed__what'>{`${p.filed.icon} ${p.filed.categoryName}`}</Text>
        <Text className='visit-filed__line'>{`${handledBy(p.filed)}。这条反映已经提交，不会重复提交。`}</Text>
      </View>
    );
  }
  return (
    <View className='card'>
      <Toggle label='有需要社区或物业解决的问题' hint='打开后帮他反映，交给负责的人按时限办理' checked={p.on} onChange={p.onToggle} />
      {p.on && (
        <>
          <Text className='section-title visit-help__title'>什么问题</Text>
          <CategoryGrid categories={p.categories} value={p.category?.code} onPick={p.onCategory} />
          {p.errors.category && <Text className='field__error'>{p.errors.category}</Text>}
          <TextBox
            label='住户遇到的问题'
            value={p.description}
            onChange={p.onDescription}
            minLength={DESCRIPTION_MIN}
            maxLength={DESCRIPTION_MAX}
            placeholder='例如：楼道灯坏了一个月，老人晚上下楼看不见'
            error={p.errors.description}
          />
          <PhotoPicker state={p.photos} />
        </>
      )}
    </View>
  );
}
