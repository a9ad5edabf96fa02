// Sign-in with a password exists only in the browser build; the mini-program knows its user
// from WeChat, so the login page is left out of the weapp bundle altogether.
const pages = [
  'pages/index/index',
  'pages/me/index',
  'pages/report/new',
  'pages/report/mine',
  'pages/report/detail',
  'pages/messages/index',
  'pages/code/index',
];
if (process.env.TARO_ENV === 'h5') pages.push('pages/login/index');

export default defineAppConfig({
  pages,
  // Pages for building leads, secretaries and property managers: loaded only when they open them,
  // so residents' phones download the small main package alone.
  // The way in (登记入住) is opened once per person, from a code: a subpackage of its own.
  subPackages: [
    { root: 'handler', pages: ['inbox/index', 'report/index', 'record/index', 'approvals/index', 'checkins/index', 'grid/index'] },
    { root: 'register', pages: ['join/index', 'status/index'] },
    // The building's WeChat group: a report's card opened in it, and the lead's page binding it.
    { root: 'group', pages: ['card/index', 'bind/index'] },
    // Party members checking in (党员报到) from a member code, and their 我的报到.
    { root: 'members', pages: ['checkin/index', 'mine/index'] },
    // 社区讲堂: the list, a lecture (notices link to it), 我的报名, staff's scan at the door, 现场签到 from a venue code.
    { root: 'lectures', pages: ['list/index', 'detail/index', 'mine/index', 'scan/index', 'attend/index'] },
    // 联户: a member's paired households (我的联户) and the visit form, which can file a report for the household.
    { root: 'pairings', pages: ['mine/index', 'visit/index'] },
    // 积分: 我的积分 and its ledger, 积分超市, 我的兑换, the board (公示栏) and 记录服务.
    { root: 'points', pages: ['index/index', 'shop/index', 'orders/index', 'board/index', 'service/index'] },
    // 微心愿: the open wishes, 许心愿, 我的心愿 and a wish's page (claim, fulfil, confirm).
    { root: 'wishes', pages: ['index/index', 'post/index', 'mine/index', 'detail/index'] },
    // 物业测评: the compound's public page (the latest flag, its figures, history by month) and the month's survey.
    { root: 'property', pages: ['index/index', 'survey/index'] },
    // 回音壁: a compound's resolved reports of a month, public (from its public code, a group share, or home).
    { root: 'echo', pages: ['wall/index'] },
    // 我的信息: see, copy and correct one's own data, and 注销 (PIPL arts. 44–47).
    { root: 'mydata', pages: ['index/index', 'correct/index', 'leave/index'] },
    // 小区议事: the topics, a topic (notices link to it: vote, opinions, decision), a compound's 公约, its public page (from the public code);
    // a lead's or branch secretary's 发起议题 and 记录决定.
    { root: 'deliberation', pages: ['index/index', 'topic/index', 'rules/index', 'public/index', 'open/index', 'decide/index'] },
    // 共建单位: a partner's contact and linked members — 我的共建单位, a need to claim, a project (notices link to it), 记录走访, 提供资源.
    { root: 'partners', pages: ['index/index', 'need/index', 'project/index', 'visit/index', 'resource/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c62f2f',
    navigationBarTitleText: '近邻',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f1ec',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c62f2f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
});
