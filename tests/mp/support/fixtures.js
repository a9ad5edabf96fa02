const building = (role, roleLabel) => ({
  id: `bind_${role}`,
  role,
  roleLabel,
  unit: { id: 'b1', name: '1号楼', kind: 'building', path: '/s1/c1/p1/b1/' },
  trail: '幸福街道 / 阳光社区 / 幸福里小区 / 1号楼',
});

const resident = {
  registered: true,
  person: { id: 'p_sun', name: '孙福贵', phone: '13812345678', username: 'jumin' },
  bindings: [building('resident', '居民')],
  isStaff: false,
  isHandler: false,
};

const buildingLead = {
  registered: true,
  person: { id: 'p_zhao', name: '赵桂兰', phone: '13900001111', username: 'louzhang' },
  bindings: [building('building_lead', '楼栋长'), building('resident', '居民')],
  isStaff: false,
  isHandler: true,
};

module.exports = { resident, buildingLead };
