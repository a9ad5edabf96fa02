export default definePageConfig({
  navigationBarTitleText: '小区议事公开',
  enablePullDownRefresh: true,
});
