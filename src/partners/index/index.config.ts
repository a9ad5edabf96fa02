export default definePageConfig({
  navigationBarTitleText: '我的共建单位',
  enablePullDownRefresh: true,
});
