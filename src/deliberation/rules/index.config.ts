export default definePageConfig({
  navigationBarTitleText: '小区公约',
  enablePullDownRefresh: true,
});
