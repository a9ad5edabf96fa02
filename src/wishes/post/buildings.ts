/**
 * The buildings a lead may post a wish for: the ones they lead (building_lead) and the buildings of
 * the grids they lead (grid_lead, read from units.myGrid), each once, as "幸福里小区 1号楼".
 */
import type { Me } from '../../core/api';
import { myGrid } from '../../services/grids';
import { buildingsOf, type BuildingChoice } from '../../utils/me';

export async function leadBuildings(me: Me): Promise<{ ok: true; buildings: BuildingChoice[] } | { ok: false; message: string }> {
  const found = new Map(buildingsOf(me, ['building_lead']).map((b) => [b.unitId, b]));
  const grids = [...new Set(me.bindings.filter((b) => b.role === 'grid_lead').map((b) => b.unit.id))];
  for (const gridId of grids) {
    const grid = await myGrid(gridId);
    if (!grid.ok) return { ok: false, message: grid.message };
    // "幸福街道 / 阳光社区 / 幸福里小区 / 第1网格": the compound is the part before the grid.
    const compound = grid.data.trail.split(' / ').slice(-2)[0] ?? '';
    for (const { building } of grid.data.buildings) {
      if (found.has(building.id)) continue;
      const label = compound ? `${compound} ${building.name}` : building.name;
      found.set(building.id, { unitId: building.id, name: building.name, label, trail: `${grid.data.trail} / ${building.name}` });
    }
  }
  const buildings = [...found.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }));
  return { ok: true, buildings };
}
