export default definePageConfig({
  navigationBarTitleText: '我的联户',
  enablePullDownRefresh: true,
});
