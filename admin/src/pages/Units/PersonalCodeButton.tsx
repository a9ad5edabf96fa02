import { App, Button, Popconfirm } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api';
import type { BindingView, Unit } from '../../api';
import { PERSONAL_CODE_DAYS } from '../../core';
import { codePosterPath, navigate } from '../../router';

interface Props {
  binding: BindingView;
  unit: Unit;
  onError(e: unknown): void;
}

/**
 * 打印个人码: a personal code for this person on their home building, opened as a poster to print
 * and hand over on a visit (the person scans it in WeChat with their own name and is in, no approval). A code is made on the
 * building of their 居民 row; an unused one already made for them there is opened instead of a
 * second one, so no two valid codes for one person lie about.
 */
export function PersonalCodeButton({ binding, unit, onError }: Props) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { person } = binding;
  const home = unit.kind === 'building' && binding.role === 'resident';

  async function open() {
    setBusy(true);
    try {
      const listed = await api.codes.list({ unitId: unit.id });
      const unused = listed.codes.find((c) => c.purpose === 'personal' && c.person?.id === person.id && c.unit.id === unit.id && c.status === 'active' && c.uses === 0);
      const code = unused ?? (await api.codes.create({ unitId: unit.id, purpose: 'personal', personId: person.id, label: null }));
      if (unused) message.info(`${person.name}在${unit.name}已有一个没用过的个人码，打开的是它`);
      navigate(codePosterPath(code.id), { search: new URLSearchParams({ unit: unit.id }).toString() });
    } catch (e) {
      onError(e);
      setBusy(false);
    }
  }

  if (!home) {
    // Their home is not this row: a personal code is made on the building they live in.
    return (
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        onClick={() =>
          modal.info({
            title: `${person.name}在这里是${binding.roleLabel}，不是居民`,
            content: `个人码印在本人居住的楼栋上：请到${person.name}住的楼栋，在「居民」那一行打印。如果还没有登记住在哪栋楼，请先在那栋楼把${person.name}绑定为「居民」。`,
            okText: '知道了',
          })
        }
      >
        打印个人码
      </Button>
    );
  }
  return (
    <Popconfirm
      title={`为${person.name}打印个人码？`}
      description={`${person.name}本人用微信扫码、填写本人姓名，就能加入${unit.name}，不用等审核；只能用一次，${PERSONAL_CODE_DAYS} 天内有效。`}
      okText="生成并打开海报"
      cancelText="取消"
      onConfirm={() => void open()}
    >
      <Button type="link" size="small" icon={<PrinterOutlined />} loading={busy} style={{ paddingInline: 0 }}>
        打印个人码
      </Button>
    </Popconfirm>
  );
}
