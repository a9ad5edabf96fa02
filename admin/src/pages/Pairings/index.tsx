/**
 * 联户: members paired with households under a unit — filtered by member, kind and whether ended
 * pairings show — with their visits, counted per member and per kind. The branch secretary and
 * community staff pair, set kinds and end pairings here; community staff edit the community's kinds.
 * Filters live in the query string (?unit=…&member=…&kind=…&ended=1).
 */
import { Alert, App, Button, Card, Checkbox, Flex, Select, Table, Tooltip, TreeSelect, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { ClearOutlined, EditOutlined, ReloadOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { HouseholdKindsView, PairingCounts, PairingView } from '../../api';
import { rosterRoots } from '../../core';
import { PageHeader } from '../../components/PageHeader';
import { useFailure } from '../../feedback';
import { replaceSearch, useSearch } from '../../router';
import { scopedBindings, useSession } from '../../session';
import { useUnits } from '../../units';
import { usePairingAccess } from './access';
import { pairingColumns } from './columns';
import { PairingCountTables, PairingFigures } from './Counts';
import { EndPairing } from './EndPairing';
import { filterOf, searchOf, type Filter } from './filter';
import { KindsEditor } from './KindsEditor';
import { usePairableMembers } from './members';
import { PairModal } from './PairModal';
import { SetKindsModal } from './SetKindsModal';
import { VisitsDrawer } from './VisitsDrawer';

const PAGE = 50;

/** What the person read is no longer so: reload with a word why. */
const STALE_SAYS: Record<string, string> = {
  'CONFLICT.VERSION': '这条结对刚刚有了变化，已为您刷新，请再核对一次',
  'PAIRING.ENDED': '这条结对已经解除了，已为您刷新列表',
  'PAIRING.NOT_FOUND': '找不到这条结对了，已为您刷新列表',
};

export default function PairingsPage() {
  const access = usePairingAccess();
  if (!access.sees) {
    return (
      <Flex vertical gap={16}>
        <PageHeader title="联户" />
        <Alert type="info" showIcon data-testid="pairings-no-access" title="联户结对只有小区党支部书记、社区工作人员和网格长（家长）能查看和安排。" />
      </Flex>
    );
  }
  return <Pairings />;
}

function Pairings() {
  const { message } = App.useApp();
  const { me } = useSession();
  const fail = useFailure();
  const search = useSearch();
  const access = usePairingAccess();
  const { units, byId, treeData } = useUnits();
  const filter = useMemo(() => filterOf(search), [search]);
  const scopeId = filter.unitId ?? access.roots[0]?.id;
  const scope = scopeId ? byId.get(scopeId) : undefined;
  const [page, setPage] = useState(1);
  const setFilter = (f: Filter) => {
    setPage(1);
    replaceSearch(searchOf(f));
  };

  const [rows, setRows] = useState<PairingView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<PairingCounts | null>(null);
  const [kinds, setKinds] = useState<HouseholdKindsView | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const [pairing, setPairing] = useState(false);
  const [editingKinds, setEditingKinds] = useState(false);
  const [settingKinds, setSettingKinds] = useState<PairingView | null>(null);
  const [ending, setEnding] = useState<PairingView | null>(null);
  const [visiting, setVisiting] = useState<PairingView | null>(null);

  // Members come from the roster, which the branch secretary and community staff read.
  const readsRoster = rosterRoots(scopedBindings(me)).length > 0;
  const quiet = useCallback((e: unknown) => void fail(e), [fail]);
  const members = usePairableMembers(readsRoster, scopeId, quiet);
  const writesKinds = !!scope && access.writesKinds(scope);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const unit = filter.unitId ? { unitId: filter.unitId } : {};
    Promise.all([
      api.pairings.list({ ...unit, memberId: filter.memberId, kind: filter.kind, includeEnded: filter.includeEnded, limit: PAGE, offset: (page - 1) * PAGE }),
      api.pairings.counts(unit),
    ])
      .then(
        ([list, c]) => {
          if (!live) return;
          setRows(list.rows);
          setTotal(list.total);
          setCounts(c);
          setError(null);
        },
        (e) => {
          const err = fail(e);
          if (live && err) {
            setRows([]);
            setTotal(null);
            setError(err.message);
          }
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, page, tick, fail]);

  useEffect(() => {
    if (!scopeId) return;
    let live = true;
    api.pairings.kinds({ unitId: scopeId }).then(
      (k) => live && setKinds(k),
      () => live && setKinds(null),
    );
    return () => {
      live = false;
    };
  }, [scopeId]);

  const buildings = useMemo(() => (units ?? []).filter((u) => u.kind === 'building' && !u.archived && (!scope || u.path.startsWith(scope.path))), [units, scope]);

  const refused = (e: unknown, form?: FormInstance) => {
    if (e instanceof ApiError && STALE_SAYS[e.code]) {
      message.warning(STALE_SAYS[e.code]);
      setSettingKinds(null);
      setEnding(null);
      reload();
      return;
    }
    fail(e, form);
  };

  const memberOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of members ?? []) seen.set(m.personId, m.name);
    for (const r of counts?.members ?? []) if (!seen.has(r.member.id)) seen.set(r.member.id, r.member.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [members, counts]);

  const columns = pairingColumns({
    writesKindsHere: writesKinds,
    placeOf: (r) => ({ path: byId.get(r.household.buildingId)?.path ?? '' }),
    mayPair: access.mayPair,
    writesKinds: access.writesKinds,
    onVisits: setVisiting,
    onKinds: setSettingKinds,
    onEnd: setEnding,
  });

  const filtered = !!(filter.memberId || filter.kind || filter.includeEnded);
  const mayPairHere = !!scope && readsRoster && buildings.some((b) => access.mayPair(b));

  return (
    <Flex vertical gap={16}>
      <PageHeader title="联户" hint="党员结对联系住户（独居老人、低保、残疾、高龄等），记录每次走访" wrap>
        <TreeSelect
          aria-label="单位"
          value={units === null ? undefined : scopeId}
          treeData={treeData}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder="我负责的范围"
          style={{ width: 260 }}
          onChange={(id?: string) => setFilter({ ...filter, unitId: id, memberId: undefined })}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={reload} />
        </Tooltip>
        {kinds && access.editsKindList(kinds.community) && (
          <Button icon={<EditOutlined />} onClick={() => setEditingKinds(true)}>
            户类别
          </Button>
        )}
        {mayPairHere && (
          <Button type="primary" icon={<UsergroupAddOutlined />} onClick={() => setPairing(true)}>
            结对
          </Button>
        )}
      </PageHeader>
      {error && <Alert type="error" showIcon title={error} />}
      <PairingFigures counts={counts} loading={loading} />
      <PairingCountTables counts={counts} loading={loading} onMember={(id) => setFilter({ ...filter, memberId: id })} />
      <Card
        title={
          <Flex align="baseline" gap={8}>
            <span>结对</span>
            {total !== null && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="pairings-total">
                共 {total} 条
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          <Flex gap={8} align="center" wrap>
            <Select
              aria-label="党员"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部党员"
              style={{ width: 160 }}
              value={filter.memberId}
              options={memberOptions}
              onChange={(memberId?: string) => setFilter({ ...filter, memberId })}
            />
            {writesKinds && (
              <Select
                aria-label="户类别"
                allowClear
                placeholder="全部户类别"
                style={{ width: 150 }}
                value={filter.kind}
                options={(kinds?.kinds ?? []).map((k) => ({ value: k, label: k }))}
                onChange={(kind?: string) => setFilter({ ...filter, kind })}
              />
            )}
            <Checkbox checked={!!filter.includeEnded} onChange={(e) => setFilter({ ...filter, includeEnded: e.target.checked || undefined })}>
              含已解除
            </Checkbox>
            {filtered && (
              <Button icon={<ClearOutlined />} onClick={() => setFilter({ unitId: filter.unitId })}>
                清除筛选
              </Button>
            )}
          </Flex>
        }
      >
        <Table<PairingView>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={{ current: page, pageSize: PAGE, total: total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: error ? '没有读到结对' : filtered ? '没有符合条件的结对' : '还没有结对：点右上角“结对”安排党员联系住户' }}
        />
      </Card>
      {pairing && (
        <PairModal
          members={members}
          buildings={buildings}
          byId={byId}
          kinds={kinds?.kinds ?? []}
          writesKinds={access.writesKinds}
          mayPair={access.mayPair}
          onClose={() => setPairing(false)}
          onFailed={(e, form) => refused(e, form)}
          onPaired={(p, created) => {
            message.success(`已结对：${p.member.name} 联系 ${p.household.trail} ${p.household.doorLabel}${created ? '' : '（重新结对，原有走访记录保留）'}`);
            setPairing(false);
            reload();
          }}
        />
      )}
      {editingKinds && kinds && (
        <KindsEditor
          view={kinds}
          onClose={() => setEditingKinds(false)}
          onFailed={(e) => fail(e)}
          onSaved={(k) => {
            setKinds(k);
            setEditingKinds(false);
            message.success(`已保存${k.community.name}的户类别：${k.kinds.join('、')}`);
          }}
        />
      )}
      {settingKinds && (
        <SetKindsModal
          pairing={settingKinds}
          kinds={kinds?.kinds ?? []}
          onClose={() => setSettingKinds(null)}
          onFailed={(e, form) => refused(e, form)}
          onSaved={(p) => {
            message.success(`已更新户类别：${p.household.trail} ${p.household.doorLabel}`);
            setSettingKinds(null);
            reload();
          }}
        />
      )}
      {ending && (
        <EndPairing
          pairing={ending}
          onClose={() => setEnding(null)}
          onFailed={(e, form) => refused(e, form)}
          onEnded={(p) => {
            message.success(`已解除${p.member.name}和 ${p.household.trail} ${p.household.doorLabel} 的结对`);
            setEnding(null);
            reload();
          }}
        />
      )}
      {visiting && <VisitsDrawer pairing={visiting} onClose={() => setVisiting(null)} />}
    </Flex>
  );
}
