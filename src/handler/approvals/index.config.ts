export default definePageConfig({
  navigationBarTitleText: '入住审核',
  enablePullDownRefresh: true,
});
