import { Alert, Button, Card, Flex, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { api } from '../../api';
import type { CodeView, Outputs } from '../../api';
import { CODE_PURPOSES, CODE_PURPOSE_LABEL, CODE_STATUS_LABEL, CODE_UNIT_KINDS, STAFF_ROLES, UNIT_KIND_LABEL } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { useLoaded } from '../../loaded';
import { dateTime } from '../../format';
import { codePosterPath, navigate, replaceSearch, useSearch } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../units';
import { CreateCode } from './CreateCode';
import { RevokeCode } from './RevokeCode';
import { CodeStatusTag } from './StatusTag';
import { validityText } from './validity';

type Listed = Outputs['codes']['list'];

/** Where each kind of code is made, in words: "楼栋码、个人码在楼栋上生成；…". */
const WHERE_MADE = (() => {
  const byKinds = new Map<string, string[]>();
  for (const p of CODE_PURPOSES) {
    const kinds = CODE_UNIT_KINDS[p].map((k) => UNIT_KIND_LABEL[k]).join('或');
    byKinds.set(kinds, [...(byKinds.get(kinds) ?? []), CODE_PURPOSE_LABEL[p]]);
  }
  return [...byKinds].map(([kinds, labels]) => `${labels.join('、')}在${kinds}上生成`).join('；');
})();

/** A code can still be scanned (or will be): worth a poster. */
const printable = (c: CodeView) => c.status === 'active' || c.status === 'not_yet_valid';

/** 码: a unit's codes with their scans and uses, made, printed as posters and revoked here. */
export default function CodesPage() {
  const { me } = useSession();
  const search = useSearch();
  const { units, treeData, byId } = useUnits();
  const home = me.bindings.find((b) => STAFF_ROLES.includes(b.role))?.unit.id ?? me.bindings[0]?.unit.id ?? '';
  const unitId = new URLSearchParams(search).get('unit') ?? home;

  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<CodeView | null>(null);

  const unitKind = byId.get(unitId)?.kind;
  // A grid or a street takes no codes: say where they are made instead of asking the server to refuse.
  const kindFits = unitKind ? CODE_PURPOSES.some((p) => CODE_UNIT_KINDS[p].includes(unitKind)) : true;

  // The tree first: it tells whether this unit takes codes at all.
  const { data: listed, setData: setListed, loading, error, reload } = useLoaded<Listed>(
    unitId && units !== null && kindFits ? () => api.codes.list({ unitId }) : null,
    [unitId, units, kindFits],
  );

  const replaceRow = useCallback((c: CodeView) => setListed((l) => l && { ...l, codes: l.codes.map((x) => (x.id === c.id ? c : x)) }), []);
  const shown = listed && listed.unit.id === unitId ? listed : null;
  // Codes made on units below the chosen one are listed too; then each row says where it is.
  const mixed = !!shown && shown.codes.some((c) => c.unit.id !== shown.unit.id);

  const columns: TableColumnsType<CodeView> = [
    {
      title: '用途',
      dataIndex: 'purposeLabel',
      width: 110,
      filters: CODE_PURPOSES.filter((p) => shown?.codes.some((c) => c.purpose === p)).map((p) => ({ text: CODE_PURPOSE_LABEL[p], value: p })),
      onFilter: (v, c) => c.purpose === v,
    },
    ...(mixed ? [{ title: '单位', key: 'unit', width: 110, ellipsis: true, render: (_: unknown, c: CodeView) => c.unit.name }] : []),
    {
      title: '说明',
      dataIndex: 'label',
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: '为谁', dataIndex: ['person', 'name'], width: 80, render: (v?: string) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '有效期', key: 'validity', width: 150, render: (_, c) => validityText(c) },
    {
      title: '已用/上限',
      key: 'uses',
      width: 90,
      align: 'right',
      render: (_, c) => (
        <span data-testid="code-uses">
          {c.uses} / {c.useLimit ?? '不限'}
        </span>
      ),
    },
    { title: '扫码次数', dataIndex: 'scans', width: 90, align: 'right', render: (n: number) => <span data-testid="code-scans">{n}</span> },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 150,
      filters: (Object.keys(CODE_STATUS_LABEL) as CodeView['status'][])
        .filter((s) => shown?.codes.some((c) => c.status === s))
        .map((s) => ({ text: CODE_STATUS_LABEL[s], value: s })),
      onFilter: (v, c) => c.status === v,
      render: (label: string, c) => (
        <Flex vertical gap={2} align="flex-start" data-testid="code-status">
          <CodeStatusTag status={c.status} label={label} />
          {c.revokeReason && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} ellipsis={{ rows: 2, tooltip: c.revokeReason }}>
              原因：{c.revokeReason}
            </Typography.Paragraph>
          )}
        </Flex>
      ),
    },
    {
      title: '创建人/时间',
      dataIndex: 'createdAt',
      width: 150,
      sorter: (a, b) => a.createdAt - b.createdAt,
      defaultSortOrder: 'descend',
      render: (t: number, c) => (
        <Flex vertical>
          <span>{c.createdBy?.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {dateTime(t)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, c) => (
        <Flex gap={4}>
          {printable(c) && (
            <Button
              type="link"
              size="small"
              icon={<PrinterOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() => navigate(codePosterPath(c.id), { search: new URLSearchParams({ unit: unitId }).toString() })}
            >
              海报
            </Button>
          )}
          {c.status !== 'revoked' ? (
            <Button type="link" size="small" danger onClick={() => setRevoking(c)}>
              作废
            </Button>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const canCreate = !!shown && shown.purposes.length > 0;
  const unitName = shown?.unit.name ?? byId.get(unitId)?.name ?? '';

  return (
    <Flex vertical gap={16}>
      <PageHeader title="码" hint="居民、党员扫的码：生成、打印海报、作废" wrap>
        <TreeSelect
          aria-label="单位"
          value={unitId || undefined}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="选择单位"
          style={{ width: 280 }}
          onChange={(id: string) => replaceSearch(new URLSearchParams({ unit: id }).toString())}
        />
        <Tooltip title="刷新扫码次数和使用次数">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        <Tooltip title={canCreate || (!shown && kindFits) ? undefined : WHERE_MADE}>
          <Button type="primary" icon={<PlusOutlined />} disabled={!canCreate} onClick={() => setCreating(true)}>
            生成码
          </Button>
        </Tooltip>
      </PageHeader>
      {error && kindFits && <Alert type="error" showIcon title={error} />}
      {(!kindFits || (shown && shown.purposes.length === 0)) && (
        <Alert
          type="info"
          showIcon
          data-testid="codes-none-here"
          title={
            kindFits
              ? `您不能在「${unitName}」生成码，只能查看。`
              : `${unitKind ? UNIT_KIND_LABEL[unitKind] : ''}上不生成码。${WHERE_MADE}。请在右上角选择单位。`
          }
        />
      )}
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span data-testid="codes-trail">{shown?.trail ?? byId.get(unitId)?.name ?? '码'}</span>
            {shown && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                共 {shown.codes.length} 个码
              </Typography.Text>
            )}
          </Flex>
        }
      >
        <Table<CodeView>
          rowKey="id"
          size="middle"
          loading={loading && kindFits}
          columns={columns}
          dataSource={kindFits ? (shown?.codes ?? []) : []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: canCreate ? '这里还没有码，点右上角“生成码”' : '这里没有码' }}
        />
      </Card>
      {creating && shown && (
        <CreateCode
          unit={shown.unit}
          trail={shown.trail}
          purposes={shown.purposes}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setListed((l) => l && { ...l, codes: [c, ...l.codes.filter((x) => x.id !== c.id)] });
          }}
        />
      )}
      {revoking && (
        <RevokeCode
          code={revoking}
          onClose={() => setRevoking(null)}
          onStale={() => {
            setRevoking(null);
            reload();
          }}
          onRevoked={(c) => {
            setRevoking(null);
            replaceRow(c);
          }}
        />
      )}
    </Flex>
  );
}
