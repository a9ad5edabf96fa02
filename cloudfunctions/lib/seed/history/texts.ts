/** What the demo's people write: the problems residents report and what handlers, residents and staff answer. */
import type { Level, Rating } from '../../../../src/core';

/** What residents report, by category, each with what its handler writes when it is fixed. */
export const PROBLEMS: Record<string, readonly (readonly [problem: string, fix: string])[]> = {
  neighbour_dispute: [
    ['楼上楼下因为漏水的事吵起来了，请帮忙调解', '已上门调解，楼上同意修好防水并赔偿'],
    ['邻居在楼道堆放杂物，说了不听', '已和住户沟通，杂物已清走'],
    ['隔壁空调外机对着我家窗户吹，商量不通', '已约双方当面商量，外机已移位'],
    ['邻居家的狗经常在楼道里大小便，沟通多次没用', '已上门劝导，狗主人承诺牵绳并及时清理'],
  ],
  noise: [
    ['楼上每天半夜装修，吵得睡不着', '已上门劝导，住户承诺晚上十点后不再施工'],
    ['楼下广场舞音响太大声，晚上九点后还在跳', '已和广场舞队伍商量，音量调小，九点前结束'],
    ['隔壁早上六点就开始打电钻，老人受不了', '已告知施工时间规定，住户已调整到八点以后'],
    ['楼上小孩每天晚上跑跳，声音很大', '已上门沟通，楼上铺了地垫'],
  ],
  illegal_construction: [
    ['一楼住户在院子里违章搭建彩钢棚', '已联合城管拆除彩钢棚'],
    ['顶楼有人在加盖房子', '已下达整改通知，加盖部分已拆除'],
    ['有住户把阳台往外扩，占了公共空间', '已责令恢复原状，住户已整改'],
    ['楼下绿地被圈起来种菜搭棚', '已清理菜地和棚子，恢复绿化'],
  ],
  residence_permit: [
    ['想开居住证明，不知道要带什么材料', '已告知所需材料，居民已办好证明'],
    ['孩子上学要办居住证，请社区帮忙', '已协助办理，居住证已领取'],
    ['老人办高龄补贴需要社区盖章', '已盖章，材料已报街道'],
    ['租房的住户想办居住登记', '已上门登记完毕'],
  ],
  public_facility: [
    ['小区东门路灯坏了一个星期了，晚上很黑', '路灯已更换'],
    ['楼下水管堵了，污水漫到路上', '管道已疏通，路面已清洗'],
    ['单元门禁坏了，门关不上', '门禁已修好'],
    ['小区路面塌了一个坑，晚上容易绊倒', '路面已修补'],
  ],
  lift: [
    ['电梯停了，老人下不了楼', '维保单位已修复，电梯恢复运行'],
    ['电梯门关不严，运行时有异响', '已更换门机配件，运行正常'],
    ['电梯按钮失灵，按了不亮', '按钮面板已更换'],
    ['电梯里的紧急呼叫按了没人应', '紧急呼叫线路已修复，已测试能接通'],
  ],
  sanitation: [
    ['垃圾桶满了两天没人清运，味道很大', '已安排清运，并增加了清运次数'],
    ['楼道里有人乱扔垃圾', '已清理干净，并在楼道张贴提示'],
    ['垃圾分类点周围很脏，苍蝇很多', '已冲洗消杀，保洁每天巡查'],
    ['绿化带里有建筑垃圾没人清理', '建筑垃圾已清运'],
  ],
  fire_safety: [
    ['消防通道被私家车堵住了', '已联系车主挪车，并设置了禁停标志'],
    ['楼道里有人给电动车充电，很危险', '已清理楼道里的电动车，提醒住户到充电棚充电'],
    ['楼道里的灭火器过期了', '已更换灭火器'],
    ['消防栓的门坏了，里面的水带不见了', '消防栓门已修好，水带已补齐'],
  ],
  property_service: [
    ['物业保洁好几天没来打扫楼道', '已督促物业整改，保洁恢复正常'],
    ['物业收费不公示，想了解明细', '物业已在公告栏公示收费明细'],
    ['报修三天了物业还没人来', '维修师傅已上门修好'],
    ['小区门岗晚上经常没人', '物业已调整排班，夜间有人值守'],
  ],
  ebike: [
    ['电动车充电桩不够用，每天排队', '已新增充电桩'],
    ['充电棚的插座坏了', '插座已修复'],
    ['电动车乱停，把单元门口堵了', '已整理停放，划了停车线'],
    ['充电棚顶棚漏雨', '顶棚已修补'],
  ],
  other: [
    ['小区里流浪猫太多，希望能管一管', '已联系志愿者组织做绝育和领养'],
    ['想建议小区增加几张休息长椅', '已记录建议，纳入下季度计划'],
    ['希望社区组织老年人学用智能手机', '已安排到本月的社区讲堂'],
    ['小区里的健身器材坏了', '已联系厂家修复'],
  ],
};

/** What the handler writes when the report is fixed. */
export function fixFor(category: string, problem: string): string {
  return (PROBLEMS[category] ?? PROBLEMS.other).find(([p]) => p === problem)?.[1] ?? '已处理完毕';
}

export const ACKNOWLEDGEMENTS = ['已收到，马上去看看', '收到，今天安排人处理', '已联系相关人员，请耐心等待', '收到，已记下'];

export const PROGRESS = ['已联系维修师傅，明天上门', '已和当事人沟通，正在协调', '已到现场查看，正在安排处理'];

export const BEYOND: Record<Level, readonly string[]> = {
  building: ['需要物业配合，楼栋处理不了', '双方调解不成，请小区协调'],
  grid: ['网格里协调不下来，请小区出面', '需要物业维修，请小区安排'],
  compound: ['涉及多个部门，需要社区协调', '物业无法单独解决，请社区介入'],
  community: ['需要街道协调执法部门', '涉及资金较多，需要街道审批'],
  street: [],
};

export const DEPARTMENTS: Record<string, string> = {
  illegal_construction: '城管执法中队',
  noise: '辖区派出所',
  neighbour_dispute: '人民调解委员会',
  public_facility: '市政养护所',
  lift: '区市场监管局',
  fire_safety: '消防救援站',
  residence_permit: '派出所户籍室',
  sanitation: '环卫所',
};
export const OTHER_DEPARTMENT = '12345热线';

export const QUESTIONS: readonly [string, string][] = [
  ['请问具体是几单元几楼？', '2单元5楼东户'],
  ['请问大概是什么时间段？', '每天晚上十点到十二点'],
  ['请说一下具体位置', '在单元门口东侧'],
];

export const DELAYS = ['需要等配件到货', '需要协调施工队，时间不够', '涉及好几户，需要更多时间沟通'];

export const STILL_BROKEN = ['问题还没解决，又出现了', '只是临时处理了一下，没有根治', '说修好了，但还是不行'];

export const RATING_NOTES: Record<Rating, readonly (string | null)[]> = {
  satisfied: [null, null, '很及时，谢谢', '处理得很好'],
  basically_satisfied: [null, '解决了，就是慢了点'],
  unsatisfied: ['处理得不彻底', '一直没有人跟我联系'],
};

export const CALLS_BACK = ['已电话回访，居民表示理解', '已上门回访，问题已再次处理', '已回访，居民意见已记录并转物业'];

export const UNANSWERED = '一直没有收到补充的情况，暂时无法办理，如问题仍在请重新反映';

export const DUPLICATE = '与已有反映重复，已合并处理';
export const NOT_ACTIONABLE = ['属于私人纠纷，建议通过法律途径解决', '不属于社区职责范围，已告知居民拨打12345'];

/** How residents who phone in or are visited are written down. */
export const CALLERS = ['阿姨', '大爷', '师傅', '女士', '先生'];
