export default definePageConfig({
  navigationBarTitleText: '物业测评结果',
  enablePullDownRefresh: true,
});
