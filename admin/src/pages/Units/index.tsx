import { App, Card, Empty, Flex, Input, Spin, Switch, Tag, Tree, Typography } from 'antd';
import type { FormInstance, TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import type { Unit, UnitNode } from '../../api';
import { ancestorIds, buildTree } from '../../core';
import { useFailure } from '../../feedback';
import { invalidateUnits } from '../../units';
import { KindTag } from './KindTag';
import { UnitPanel } from './UnitPanel';
import type { UnitsContext } from './UnitsContext';

/** Failures that mean "what you were looking at is out of date": tell the person and reload. */
const STALE: readonly string[] = ['CONFLICT.VERSION', 'UNIT.NOT_FOUND', 'UNIT.ARCHIVED'];

export default function UnitsPage() {
  const { message } = App.useApp();
  const fail = useFailure();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(readSelectedFromUrl);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [query, setQuery] = useState('');

  const byId = useMemo(() => new Map((units ?? []).map((u) => [u.id, u])), [units]);

  const load = useCallback(
    async (selectId?: string, revealId: string | undefined = selectId) => {
      try {
        // The other pages' unit pickers read a cached tree: it is out of date after any change here.
        invalidateUnits();
        const { units: list } = await api.units.tree({ includeArchived });
        setUnits(list);
        setSelectedId((current) => {
          const wanted = selectId ?? current;
          if (wanted && list.some((u) => u.id === wanted)) return wanted;
          // Start on the top of the person's own tree: their community (or street).
          return buildTree(list)[0]?.id ?? null;
        });
        const focus = list.find((u) => u.id === revealId);
        setExpanded((keys) => {
          const next = new Set(keys);
          // On first load open the street and community levels so compounds are in view.
          if (keys.length === 0) list.filter((u) => u.kind === 'street' || u.kind === 'community').forEach((u) => next.add(u.id));
          // Show a unit that was just created, moved or opened from the address: open every level
          // down to it, and the unit itself so its children are in view.
          if (focus) ancestorIds(focus.path).forEach((id) => next.add(id));
          return [...next];
        });
      } catch (e) {
        fail(e);
        setUnits((u) => u ?? []);
      }
    },
    [includeArchived, fail],
  );

  useEffect(() => {
    void load(readSelectedFromUrl() ?? undefined);
  }, [load]);

  // Keep the selected unit in the address so a refresh (F5) or a shared link opens the same unit.
  useEffect(() => {
    if (selectedId) writeSelectedToUrl(selectedId);
  }, [selectedId]);

  const failed = useCallback(
    (e: unknown, form?: FormInstance) => {
      if (e instanceof ApiError && STALE.includes(e.code)) {
        message.warning(`${e.message}。已为您刷新为最新内容，请确认后再操作。`);
        void load();
        return;
      }
      fail(e, form);
    },
    [fail, load, message],
  );

  const ctx: UnitsContext = useMemo(() => ({ units: units ?? [], byId, reload: load, failed }), [units, byId, load, failed]);

  const { treeData, matchedAncestors } = useMemo(() => toTreeData(units ?? [], query.trim()), [units, query]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <Flex gap={16} align="flex-start">
      <Card
        title="单位"
        style={{ width: 360, flex: 'none' }}
        styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflow: 'auto' } }}
        extra={
          <Flex align="center" gap={6}>
            <Switch size="small" checked={includeArchived} onChange={setIncludeArchived} aria-label="显示已归档" />
            <Typography.Text type="secondary">显示已归档</Typography.Text>
          </Flex>
        }
      >
        <Input.Search allowClear placeholder="按名称查找单位" onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 12 }} />
        {units === null ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : treeData.length === 0 ? (
          <Empty description={query ? '没有找到这个名称的单位' : '暂无单位'} />
        ) : (
          <Tree
            blockNode
            showLine
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={query ? matchedAncestors : expanded}
            onExpand={(keys) => setExpanded(keys as string[])}
            onSelect={(_, { node }) => {
              // Clicking a unit opens it on the right and unfolds it in the tree (never folds it:
              // a second click on the selected unit should not hide what the person is looking at).
              const id = node.key as string;
              setSelectedId(id);
              setExpanded((keys) => (keys.includes(id) ? keys : [...keys, id]));
            }}
          />
        )}
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selected ? (
          <UnitPanel key={selected.id} unit={selected} ctx={ctx} />
        ) : (
          <Card>
            <Empty description={units === null ? '正在加载…' : '请在左侧选择一个单位'} />
          </Card>
        )}
      </div>
    </Flex>
  );
}

function nodeTitle(u: Unit) {
  return (
    <span style={u.archived ? { color: 'rgba(0,0,0,0.35)' } : undefined} data-unit-id={u.id}>
      <span className="unit-name">{u.name}</span>
      <KindTag kind={u.kind} muted={u.archived} />
      {u.archived && (
        <Tag variant="filled" color="default">
          已归档
        </Tag>
      )}
    </span>
  );
}

/** The tree for antd, filtered by a name query (matches keep their ancestors for context). */
function toTreeData(units: Unit[], query: string): { treeData: TreeDataNode[]; matchedAncestors: string[] } {
  let shown = units;
  const ancestors = new Set<string>();
  if (query) {
    const keep = new Set<string>();
    for (const u of units) {
      if (!u.name.includes(query)) continue;
      const ids = ancestorIds(u.path);
      ids.forEach((id) => keep.add(id));
      ids.slice(0, -1).forEach((id) => ancestors.add(id));
    }
    shown = units.filter((u) => keep.has(u.id));
  }
  const convert = (n: UnitNode): TreeDataNode => ({
    key: n.id,
    title: nodeTitle(n),
    children: n.children.length ? n.children.map(convert) : undefined,
  });
  return { treeData: buildTree(shown).map(convert), matchedAncestors: [...ancestors] };
}

function readSelectedFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('unit');
}

function writeSelectedToUrl(id: string): void {
  const url = new URL(window.location.href);
  if (url.searchParams.get('unit') === id) return;
  url.searchParams.set('unit', id);
  window.history.replaceState(null, '', url);
}
