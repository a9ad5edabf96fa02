export default definePageConfig({
  navigationBarTitleText: '小区议事',
  enablePullDownRefresh: true,
});
