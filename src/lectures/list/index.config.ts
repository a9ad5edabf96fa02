export default definePageConfig({
  navigationBarTitleText: '社区讲堂',
  enablePullDownRefresh: true,
});
